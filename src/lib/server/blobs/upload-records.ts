/** The `uploads` table: who owns each tus upload and how many bytes it really cost. */
import { sql, type Kysely } from 'kysely';
import type { Database, UploadsTable } from '../db/types';
import type { Selectable } from 'kysely';

export type UploadRow = Selectable<UploadsTable>;

export async function createUploadRecord(
	db: Kysely<Database>,
	upload: { id: string; accountId: string; sha256: string; size: number; at: Date }
): Promise<void> {
	await db
		.insertInto('uploads')
		.values({
			id: upload.id,
			account_id: upload.accountId,
			sha256: upload.sha256,
			size: upload.size,
			created_at: upload.at.toISOString(),
			completed_at: null
		})
		.execute();
}

/** The upload if it belongs to this account; someone else's upload looks exactly like a missing one. */
export async function findOwnUpload(db: Kysely<Database>, id: string, accountId: string): Promise<UploadRow | undefined> {
	return db.selectFrom('uploads').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
}

export async function addBytesReceived(db: Kysely<Database>, id: string, bytes: number): Promise<void> {
	if (bytes <= 0) return;
	await db
		.updateTable('uploads')
		.set({ bytes_received: sql`bytes_received + ${bytes}` })
		.where('id', '=', id)
		.execute();
}

export async function markUploadCompleted(db: Kysely<Database>, id: string, at: Date): Promise<void> {
	await db.updateTable('uploads').set({ completed_at: at.toISOString() }).where('id', '=', id).execute();
}

export interface UploadStats {
	totalBytesReceived: number;
	uploads: { id: string; accountId: string; sha256: string; size: number; bytesReceived: number; createdAt: string; completedAt: string | null }[];
}

/** Bytes received per upload and in total, for the e2e tests that measure resumption overhead. */
export async function uploadStats(db: Kysely<Database>): Promise<UploadStats> {
	const rows = await db.selectFrom('uploads').selectAll().orderBy('created_at').orderBy('id').execute();
	const uploads = rows.map((r) => ({
		id: r.id,
		accountId: r.account_id,
		sha256: r.sha256,
		size: Number(r.size),
		bytesReceived: Number(r.bytes_received),
		createdAt: r.created_at,
		completedAt: r.completed_at
	}));
	return { totalBytesReceived: uploads.reduce((sum, u) => sum + u.bytesReceived, 0), uploads };
}
