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

/**
 * Inside a dossier's write transaction (a first submission, a supplement): this account's
 * blobs among `hashes`, each row's age set to `at`. The UPDATE, unlike a SELECT, locks those
 * rows until the commit, so it cannot interleave with housekeeping deleting the same rows as
 * unused (blobs/orphans.ts: `created_at < cutoff` and no dossier uses it yet):
 * - housekeeping first: the row is gone when the UPDATE finds it (PostgreSQL waits for the
 *   DELETE's commit), so the file is missing (`missing_blobs`) and the outbox uploads it again;
 * - the save first: the DELETE waits for the save's commit, then checks the new row again,
 *   finds it younger than its cutoff and keeps it (and so the file).
 * With a SELECT, PostgreSQL (READ COMMITTED) could delete a row between the check and the
 * commit of a dossier that names it: the dossier would reference a file no longer there.
 * SQLite: the save holds the one write lock (BEGIN IMMEDIATE), the DELETE waits for it.
 */
export async function claimBlobs(trx: Kysely<Database>, accountId: string, hashes: readonly string[], at: Date) {
	if (hashes.length === 0) return [];
	return trx
		.updateTable('blobs')
		.set({ created_at: at.toISOString() })
		.where('account_id', '=', accountId)
		.where('sha256', 'in', [...new Set(hashes)])
		.returning(['sha256', 'size', 'type'])
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
