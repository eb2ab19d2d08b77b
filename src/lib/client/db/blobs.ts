/**
 * Files picked or captured on the device for attachments, stored once per content:
 * the SHA-256 is the key, so the same photo attached to two drafts takes space once.
 */
import type { AttachmentType } from '$lib/domain/wire/primitives';
import type { AccountDb } from './account-db';
import type { BlobRecord } from './schema';

export type { BlobRecord } from './schema';

export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
	const buffer = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
	const digest = await crypto.subtle.digest('SHA-256', buffer);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * JPEG, PNG, WebP or PDF by the file's first bytes (as the server will see it), or null. The
 * sniffer (with its image-size readers) loads when a file is first stored, not with every page
 * that reads blobs: the form page's first load stays smaller.
 */
export async function contentTypeOf(data: Blob): Promise<AttachmentType | null> {
	const { attachmentTypeOf, SIGNATURE_BYTES } = await import('$lib/domain/file-signature');
	return attachmentTypeOf(new Uint8Array(await data.slice(0, SIGNATURE_BYTES).arrayBuffer()));
}

/**
 * Stores a file (no-op if the same content is already stored) and returns its record. The
 * type is the content's, not the name's: the server refuses a manifest whose type differs
 * from the file it stored.
 */
export async function putBlob(db: AccountDb, data: Blob, name = ''): Promise<BlobRecord> {
	const sha256 = await sha256Hex(data);
	const type = (await contentTypeOf(data)) ?? (data.type || 'application/octet-stream');
	return db.transaction('rw', [db.blobs], (db) => addHashedBlob(db, sha256, data, name, type));
}

/**
 * The write half of `putBlob`, for a caller that hashed and typed first (Web Crypto cannot run
 * inside an IndexedDB transaction) and stores the blob with other records in one transaction.
 */
export async function addHashedBlob(db: AccountDb, sha256: string, data: Blob, name: string, type: string): Promise<BlobRecord> {
	const existing = await db.blobs.get(sha256);
	if (existing) return existing;
	const record: BlobRecord = {
		sha256,
		type,
		size: data.size,
		name,
		data,
		createdAt: new Date().toISOString()
	};
	await db.blobs.add(record);
	return record;
}

export async function getBlob(db: AccountDb, sha256: string): Promise<BlobRecord | undefined> {
	return db.blobs.get(sha256);
}

export async function deleteBlob(db: AccountDb, sha256: string): Promise<void> {
	await db.blobs.delete(sha256);
}
