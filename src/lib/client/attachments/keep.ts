/**
 * Putting prepared files into the document store: space is checked first and the paper is
 * refused whole rather than half-written; the first paper kept asks the browser to keep the
 * site's data (persistent storage), as the first draft does.
 */
import { addDocument, type NewFile, type StoredDocument } from '../db/documents';
import type { AccountDb } from '../db/account-db';
import { localKeys, writeStored } from '../db/keys';
import { isSpaceLow, requestPersistence, storageEstimate } from '../storage';

export type KeepResult = { ok: true; document: StoredDocument } | { ok: false; needed: number; available: number };

/** Whether `bytes` more fit on the device (see `isSpaceLow`); unknown space does not block. */
export async function roomFor(bytes: number): Promise<{ ok: true } | { ok: false; needed: number; available: number }> {
	const estimate = await storageEstimate();
	return isSpaceLow(estimate, bytes) ? { ok: false, needed: bytes, available: estimate.available ?? 0 } : { ok: true };
}

export async function keepInStore(db: AccountDb, metadata: unknown, files: NewFile[]): Promise<KeepResult> {
	const room = await roomFor(files.reduce((sum, f) => sum + f.data.size, 0));
	if (!room.ok) return room;
	const document = await addDocument(db, { metadata, files });
	void requestPersistence()
		.then((result) => writeStored('local', localKeys.persistence, result))
		.catch(() => {});
	return { ok: true, document };
}
