/**
 * The papers the state holds for the account (`GET /api/documents`: verified in an accepted
 * dossier, or issued by an agency), kept in the device's document store so that they are
 * listed, attached and known to fill a slot with no signal. Their bytes are separate: a file
 * the device already has (the photo it sent, the result it opened) is never fetched again;
 * a missing one is fetched on request, its size known beforehand, and checked by its SHA-256.
 */
import type { DocumentMetadata } from '$lib/domain/documents';
import { heldSlots, holderKey, type StatePaper } from '$lib/domain/document-store';
import type { IsoDate } from '$lib/domain/time';
import type { DocumentsAnswer, Paper } from '$lib/domain/wire/documents';
import type { AccountDb } from './account-db';
import { addHashedBlob, sha256Hex } from './blobs';
import { DOCUMENT_RECORD_VERSION, readDocumentRecord, type ServerProof, type StoredDocument } from './document-record';

const proofOf = (p: Paper): ServerProof => ({
	paperId: p.id,
	origin: p.origin,
	reusable: p.reusable,
	dossierId: p.dossier.id,
	dossierCode: p.dossier.code,
	procedureCode: p.dossier.procedureCode,
	procedureName: p.dossier.procedureName,
	...(p.slot ? { slot: p.slot } : {}),
	agencyName: p.agencyName,
	at: p.at,
	metadata: p.metadata
});

export interface MergeResult {
	/** New records for papers the device did not know. */
	added: number;
	/** Papers of this device the server now holds (the same file): marked, not listed twice. */
	linked: number;
}

/**
 * Takes the server's list into the store, in one transaction. A paper is recognised by its
 * server id, else by its file (a paper added on this device and sent); what the person wrote
 * about a paper on this device (title, number) is kept; a paper deleted on this device stays
 * deleted (it can be brought back from the list of what the state holds).
 */
export async function mergeServerPapers(db: AccountDb, answer: Pick<DocumentsAnswer, 'papers'>, now = new Date()): Promise<MergeResult> {
	const result: MergeResult = { added: 0, linked: 0 };
	await db.transaction('rw', [db.documents], async (db) => {
		const local = (await db.documents.toArray()).map(readDocumentRecord).flatMap((r) => (r.ok && r.writable ? [r.record] : []));
		const byServerId = new Map(local.flatMap((d) => (d.server ? [[d.server.paperId, d] as const] : [])));
		// Oldest proof first, so the newest one (the list is newest first) is what a record keeps.
		for (const paper of [...answer.papers].reverse()) {
			const proof = proofOf(paper);
			// The same file proved again by a later dossier is the same paper with a newer proof.
			const sameFile = (d: StoredDocument) => d.files.some((f) => f.sha256 === paper.file.sha256) && (!d.server || d.server.origin === paper.origin);
			const known = byServerId.get(paper.id) ?? local.find(sameFile);
			if (known) {
				if (!known.server) result.linked++;
				known.server = proof;
				await db.documents.put(known);
				byServerId.set(paper.id, known);
				continue;
			}
			const record: StoredDocument = {
				id: paper.id,
				metadata: paper.metadata,
				files: [{ sha256: paper.file.sha256, name: paper.file.name, type: paper.file.type, size: paper.file.size, pages: 1 }],
				origin: paper.origin,
				server: proof,
				holderKey: holderKey(paper.metadata.holder),
				createdAt: paper.at,
				updatedAt: now.toISOString(),
				schemaVersion: DOCUMENT_RECORD_VERSION
			};
			await db.documents.add(record);
			local.push(record);
			byServerId.set(paper.id, record);
			result.added++;
		}
	});
	return result;
}

/** The papers the state holds that were deleted on this device: they can be brought back. */
export async function deletedServerPapers(db: AccountDb): Promise<StoredDocument[]> {
	const all = (await db.documents.toArray()).map(readDocumentRecord).flatMap((r) => (r.ok ? [r.record] : []));
	return all.filter((d) => d.server && d.deletedAt !== undefined).sort((a, b) => (b.server!.at ?? '').localeCompare(a.server!.at ?? ''));
}

/** The files of these papers whose bytes are not on this device (by SHA-256). */
export async function filesMissing(db: AccountDb, papers: readonly StoredDocument[]): Promise<Set<string>> {
	const shas = [...new Set(papers.flatMap((p) => p.files.map((f) => f.sha256)))];
	const present = new Set((await db.blobs.bulkGet(shas)).flatMap((b) => (b ? [b.sha256] : [])));
	return new Set(shas.filter((s) => !present.has(s)));
}

/** Bytes a fetch of this paper would download (0 when the device has every file). */
export function bytesToFetch(paper: StoredDocument, missing: ReadonlySet<string>): number {
	return paper.files.filter((f) => missing.has(f.sha256)).reduce((sum, f) => sum + f.size, 0);
}

/** The server answered other bytes than the paper's hash: nothing is stored. */
export class PaperMismatchError extends Error {
	constructor(name: string) {
		super(`Tệp "${name}" tải về không khớp với bản cơ quan giữ; chưa lưu gì. Hãy thử lại.`);
		this.name = 'PaperMismatchError';
	}
}

/**
 * Brings a state-held paper's bytes onto the device (files it has are skipped: nothing is
 * downloaded twice) and undoes its deletion. `fetchFile` is the API's file call; the bytes
 * are checked against the SHA-256 before they are stored. Returns the bytes downloaded.
 */
export async function fetchPaperBack(db: AccountDb, paper: StoredDocument, fetchFile: (paperId: string) => Promise<Blob>): Promise<number> {
	if (!paper.server) throw new Error('Giấy tờ này chỉ có trên máy, không có bản ở cơ quan để tải về.');
	const missing = await filesMissing(db, [paper]);
	let downloaded = 0;
	const fetched: { sha256: string; data: Blob; name: string; type: string }[] = [];
	for (const file of paper.files.filter((f) => missing.has(f.sha256))) {
		const data = await fetchFile(paper.server.paperId);
		if ((await sha256Hex(data)) !== file.sha256) throw new PaperMismatchError(file.name);
		fetched.push({ sha256: file.sha256, data, name: file.name, type: file.type });
		downloaded += data.size;
	}
	await db.transaction('rw', [db.blobs, db.documents], async (db) => {
		for (const f of fetched) await addHashedBlob(db, f.sha256, f.data, f.name, f.type);
		await db.documents.update(paper.id, { deletedAt: undefined });
	});
	return downloaded;
}

/**
 * The stored papers the state holds, as the domain's held-slot rule reads them: the state's
 * own metadata and reusability (what the server's rule reads), not what was edited on the device.
 */
export function statePapers(papers: readonly StoredDocument[]): (StatePaper & { document: StoredDocument })[] {
	return papers.flatMap((d) =>
		d.server
			? [{ id: d.server.paperId, origin: d.server.origin, metadata: d.server.metadata ?? (d.metadata as DocumentMetadata), reusable: d.server.reusable, procedureCode: d.server.procedureCode, slot: d.server.slot, document: d }]
			: []
	);
}

/**
 * Every record of a paper the state holds, those deleted on this device included: the server
 * still holds them, so they still fill a slot (attached by hash, no byte uploaded).
 */
export async function statePaperRecords(db: AccountDb): Promise<StoredDocument[]> {
	const all = (await db.documents.toArray()).map(readDocumentRecord).flatMap((r) => (r.ok && r.record.server ? [r.record] : []));
	return all.sort((a, b) => (b.server!.at ?? '').localeCompare(a.server!.at ?? ''));
}

/** The server's `held` answer worked out on the device, by server paper id (`records`: from `statePaperRecords`). */
export function heldOnDevice(records: readonly StoredDocument[], procedureCode: string, today: IsoDate): { slot: string; paperIds: string[] }[] {
	return heldSlots(procedureCode, statePapers(records), today);
}

/** The state-held papers that fill this slot of the procedure without an upload (`records`: from `statePaperRecords`). */
export function heldForSlot(records: readonly StoredDocument[], procedureCode: string, slotId: string, today: IsoDate): StoredDocument[] {
	const candidates = statePapers(records);
	const ids = new Set(heldSlots(procedureCode, candidates, today).find((s) => s.slot === slotId)?.paperIds ?? []);
	return candidates.filter((c) => ids.has(c.id)).map((c) => c.document);
}
