/** The `blobs` table: which verified files each account holds. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

/** The hashes among `hashes` that this account already holds; other accounts' blobs are never seen. */
export async function presentBlobs(db: Kysely<Database>, accountId: string, hashes: readonly string[]): Promise<string[]> {
	if (hashes.length === 0) return [];
	const rows = await db
		.selectFrom('blobs')
		.select('sha256')
		.where('account_id', '=', accountId)
		.where('sha256', 'in', [...new Set(hashes)])
		.execute();
	const found = new Set(rows.map((r) => r.sha256));
	return hashes.filter((h, i) => found.has(h) && hashes.indexOf(h) === i);
}

export async function blobsOf(db: Kysely<Database>, accountId: string, hashes: readonly string[]) {
	if (hashes.length === 0) return [];
	return db
		.selectFrom('blobs')
		.select(['sha256', 'size', 'type'])
		.where('account_id', '=', accountId)
		.where('sha256', 'in', [...new Set(hashes)])
		.execute();
}

/** Records a verified blob for an account; uploading the same bytes twice is harmless. */
export async function recordBlob(
	db: Kysely<Database>,
	blob: { accountId: string; sha256: string; size: number; type: string; at: Date }
): Promise<void> {
	await db
		.insertInto('blobs')
		.values({
			account_id: blob.accountId,
			sha256: blob.sha256,
			size: blob.size,
			type: blob.type,
			created_at: blob.at.toISOString()
		})
		.onConflict((oc) => oc.columns(['account_id', 'sha256']).doNothing())
		.execute();
}
