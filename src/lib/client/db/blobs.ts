/**
 * Files picked or captured on the device for attachments, stored once per content:
 * the SHA-256 is the key, so the same photo attached to two drafts takes space once.
 */
import type { AccountDb } from './account-db';
import type { BlobRecord } from './schema';

export type { BlobRecord } from './schema';

export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
	const buffer = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
	const digest = await crypto.subtle.digest('SHA-256', buffer);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores a file (no-op if the same content is already stored) and returns its record. */
export async function putBlob(db: AccountDb, data: Blob, name = ''): Promise<BlobRecord> {
	const sha256 = await sha256Hex(data);
	return db.transaction('rw', db.blobs, async () => {
		const existing = await db.blobs.get(sha256);
		if (existing) return existing;
		const record: BlobRecord = {
			sha256,
			type: data.type || 'application/octet-stream',
			size: data.size,
			name,
			data,
			createdAt: new Date().toISOString()
		};
		await db.blobs.add(record);
		return record;
	});
}

export async function getBlob(db: AccountDb, sha256: string): Promise<BlobRecord | undefined> {
	return db.blobs.get(sha256);
}

export async function deleteBlob(db: AccountDb, sha256: string): Promise<void> {
	await db.blobs.delete(sha256);
}
