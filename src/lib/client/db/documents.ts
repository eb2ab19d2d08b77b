/**
 * The document store's repository: every read and write of a stored paper goes through here
 * (pages never touch the table). A paper's files are blobs by SHA-256 in the same account
 * database as the drafts, so a paper attached to a form is the same bytes, and "Xoá dữ liệu
 * trên thiết bị này" (deleting the account's database) takes the store with it.
 */
import { documentMetadataSchema, type DocumentMetadata } from '$lib/domain/documents';
import { holderKey } from '$lib/domain/document-store';
import { uuidv7 } from '$lib/domain/uuid';
import type { AccountDb } from './account-db';
import { addHashedBlob, contentTypeOf, sha256Hex } from './blobs';
import { DOCUMENT_RECORD_VERSION, readDocumentRecord, type DocumentOrigin, type StoredDocument, type StoredFile } from './document-record';
import { watchLive, type PendingDb, type Unsubscribe } from './live';

export type { StoredDocument, StoredFile } from './document-record';

/** The metadata was refused: a Vietnamese message per field ("number", "holder.name", …). */
export class DocumentInputError extends Error {
	constructor(readonly fields: Record<string, string>) {
		super(Object.values(fields)[0] ?? 'Thông tin giấy tờ chưa đúng.');
		this.name = 'DocumentInputError';
	}
}

export class DocumentNotFoundError extends Error {
	constructor() {
		super('Không tìm thấy giấy tờ này trong kho trên máy. Có thể nó đã bị xoá ở một thẻ khác.');
		this.name = 'DocumentNotFoundError';
	}
}

/** Checks what the person typed about a paper; the clean metadata, or `DocumentInputError`. */
export function checkMetadata(input: unknown): DocumentMetadata {
	const parsed = documentMetadataSchema.safeParse(input);
	if (parsed.success) return parsed.data;
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'typeId'] ??= issue.message;
	throw new DocumentInputError(fields);
}

export interface NewFile {
	data: Blob;
	name: string;
	pages: number;
}

const isoNow = () => new Date().toISOString();

/**
 * Adds a paper and its files in one transaction: all of it is stored, or (the disk is full,
 * the tab dies) none of it. Files already stored (the same photo attached to a draft) are
 * not copied again.
 */
export async function addDocument(db: AccountDb, input: { metadata: unknown; files: NewFile[]; origin?: DocumentOrigin }): Promise<StoredDocument> {
	const metadata = checkMetadata(input.metadata);
	if (input.files.length === 0) throw new DocumentInputError({ files: 'Hãy chụp hoặc chọn ít nhất một ảnh hay tệp PDF của giấy tờ.' });
	const files: (StoredFile & { data: Blob })[] = [];
	for (const f of input.files) {
		// By content, as the server checks it (a PNG named ".jpg" is a PNG).
		const type = f.data.size > 0 ? await contentTypeOf(f.data) : null;
		if (!type) throw new DocumentInputError({ files: `Tệp "${f.name}" không phải ảnh hay tệp PDF dùng được.` });
		files.push({ sha256: await sha256Hex(f.data), name: f.name.slice(0, 200) || 'giay-to', type, size: f.data.size, pages: f.pages, data: f.data });
	}
	const now = isoNow();
	const record: StoredDocument = {
		id: uuidv7(),
		metadata,
		files: files.map(({ data: _data, ...file }) => file),
		origin: input.origin ?? 'device',
		holderKey: holderKey(metadata.holder),
		createdAt: now,
		updatedAt: now,
		schemaVersion: DOCUMENT_RECORD_VERSION
	};
	await db.transaction('rw', [db.blobs, db.documents], async (db) => {
		for (const f of files) await addHashedBlob(db, f.sha256, f.data, f.name, f.type);
		await db.documents.add(record);
	});
	return record;
}

/** Rename or correct a paper: its metadata is checked again as a whole. */
export async function updateDocument(db: AccountDb, id: string, metadata: unknown): Promise<StoredDocument> {
	const clean = checkMetadata(metadata);
	return db.transaction('rw', [db.documents], async (db) => {
		const stored = await requireWritable(db, id);
		const next: StoredDocument = { ...stored, metadata: clean, holderKey: holderKey(clean.holder), updatedAt: isoNow() };
		await db.documents.put(next);
		return next;
	});
}

async function requireWritable(db: AccountDb, id: string): Promise<StoredDocument> {
	const read = readDocumentRecord(await db.documents.get(id));
	if (!read.ok) throw new DocumentNotFoundError();
	if (!read.writable) throw new Error('Giấy tờ này do phiên bản mới hơn của ứng dụng lưu. Hãy tải lại trang để cập nhật ứng dụng rồi sửa.');
	return read.record;
}

/** Hidden from the list, its files kept: `restoreDocument` undoes it until it is purged. */
export async function deleteDocument(db: AccountDb, id: string): Promise<void> {
	await db.transaction('rw', [db.documents], async (db) => {
		await requireWritable(db, id);
		await db.documents.update(id, { deletedAt: isoNow() });
	});
}

export async function restoreDocument(db: AccountDb, id: string): Promise<void> {
	await db.transaction('rw', [db.documents], async (db) => {
		await requireWritable(db, id);
		await db.documents.update(id, { deletedAt: undefined });
	});
}

/**
 * Removes for good the papers deleted more than `olderThanMs` ago, and those of their files
 * that nothing else on the device uses (another paper, a draft, a dossier being sent or
 * sent): a photo attached to a draft outlives the paper it was stored as. A paper the state
 * holds keeps its record (deleted, without bytes), so the server's list does not bring it back
 * unasked and the person can fetch it again.
 */
export async function purgeDeletedDocuments(db: AccountDb, olderThanMs: number, now = Date.now()): Promise<number> {
	const cutoff = new Date(now - olderThanMs).toISOString();
	return db.transaction('rw', [db.documents, db.blobs, db.drafts, db.outbox, db.dossiers], async (db) => {
		const gone = await db.documents.where('deletedAt').below(cutoff).toArray();
		if (gone.length === 0) return 0;
		const goneIds = new Set(gone.map((d) => d.id));
		const used = new Set<string>();
		const note = (value: unknown) => {
			for (const m of JSON.stringify(value).matchAll(/[0-9a-f]{64}/g)) used.add(m[0]);
		};
		await db.documents.each((d) => void (goneIds.has(d.id) || note(d.files)));
		await db.drafts.each((d) => note(d.answers));
		await db.outbox.each((e) => note(e.manifest.attachments));
		await db.dossiers.each((d) => note(d));
		const orphans = [...new Set(gone.flatMap((d) => d.files.map((f) => f.sha256)))].filter((sha) => !used.has(sha));
		await db.blobs.bulkDelete(orphans);
		// A paper the state holds stays listed as deleted (its bytes freed): it can be fetched back.
		await db.documents.bulkDelete(gone.filter((d) => !d.server).map((d) => d.id));
		return gone.length;
	});
}

/** The paper, also when deleted (undo), or undefined. */
export async function getDocument(db: AccountDb, id: string): Promise<StoredDocument | undefined> {
	const read = readDocumentRecord(await db.documents.get(id));
	return read.ok ? read.record : undefined;
}

/** Papers not deleted, most recently changed first; unreadable records are left alone, not shown. */
export async function listDocuments(db: AccountDb): Promise<StoredDocument[]> {
	const raw = await db.documents.orderBy('updatedAt').reverse().toArray();
	return raw.map(readDocumentRecord).flatMap((r) => (r.ok && r.record.deletedAt === undefined ? [r.record] : []));
}

/** Calls back with the list now and after every change, in this tab or another. */
export function watchDocuments(db: PendingDb, callback: (documents: StoredDocument[], db: AccountDb) => void, onError?: (error: unknown) => void): Unsubscribe {
	return watchLive(db, listDocuments, callback, onError);
}

/** The paper's file with its bytes, for viewing or attaching. */
export async function documentFile(db: AccountDb, file: StoredFile): Promise<Blob | undefined> {
	return (await db.blobs.get(file.sha256))?.data;
}

/** Bytes the store's files take on the device (each file once, however many papers share it). */
export function storeBytes(documents: readonly StoredDocument[]): number {
	const sizes = new Map<string, number>();
	for (const d of documents) for (const f of d.files) sizes.set(f.sha256, f.size);
	return [...sizes.values()].reduce((a, b) => a + b, 0);
}

/** The stored paper holding exactly this file, if any (a file attached directly may already be in the store). */
export async function documentWithFile(db: AccountDb, sha256: string): Promise<StoredDocument | undefined> {
	return (await listDocuments(db)).find((d) => d.files.some((f) => f.sha256 === sha256));
}
