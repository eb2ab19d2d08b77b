/**
 * Files nothing uses (issue 12, defect 12). A tus upload that never finishes, and a verified
 * blob that no dossier ever referenced, would otherwise stay on the disk for ever, and one
 * account could fill it. Two guards:
 *
 * - a per-account quota (`UPLOAD_QUOTA_BYTES`) on the bytes of unfinished uploads plus
 *   blobs nothing uses yet, checked when an upload begins;
 * - housekeeping (server/housekeeping.ts, also `npm run housekeeping`) that deletes those
 *   once old enough.
 *
 * A file is in use when its SHA-256 is an attachment of any dossier (every version), a
 * result an agency issued, or a paper in a citizen's store: such a file is never deleted,
 * nor the `blobs` row of the account whose dossier or paper it is (the desk reads a dossier's
 * files through that row). Another account's unused row for the same bytes may go.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { formatBytes } from '$lib/domain/format';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { blobPath, blobsDir } from './store';

type Referencing = 'dossier_attachments' | 'dossier_results' | 'papers';
const REFERENCING: readonly Referencing[] = ['dossier_attachments', 'dossier_results', 'papers'];

/**
 * This `blobs` row is used by nothing: no dossier of its account attaches the file, no paper
 * of its account is that file, and no agency issued it as a result (whoever uploaded it).
 */
function unreferenced(eb: ExpressionBuilder<Database, 'blobs'>) {
	const one = sql`1`.as('one');
	return eb.and([
		eb.not(
			eb.exists(
				eb
					.selectFrom('dossier_attachments')
					.innerJoin('dossiers', 'dossiers.id', 'dossier_attachments.dossier_id')
					.select(one)
					.whereRef('dossier_attachments.sha256', '=', 'blobs.sha256')
					.whereRef('dossiers.account_id', '=', 'blobs.account_id')
			)
		),
		eb.not(eb.exists(eb.selectFrom('papers').select(one).whereRef('papers.sha256', '=', 'blobs.sha256').whereRef('papers.account_id', '=', 'blobs.account_id'))),
		eb.not(eb.exists(eb.selectFrom('dossier_results').select(one).whereRef('dossier_results.sha256', '=', 'blobs.sha256')))
	]);
}

/** The files (by SHA-256, each counted once) an account holds that no dossier uses yet: unfinished uploads and unused blobs. */
export async function pendingFiles(db: Kysely<Database>, accountId: string): Promise<Map<string, number>> {
	const open = await db.selectFrom('uploads').select(['sha256', 'size']).where('account_id', '=', accountId).where('completed_at', 'is', null).execute();
	const unused = await db.selectFrom('blobs').select(['sha256', 'size']).where('account_id', '=', accountId).where(unreferenced).execute();
	const files = new Map<string, number>();
	for (const row of [...open, ...unused]) files.set(row.sha256, Math.max(files.get(row.sha256) ?? 0, Number(row.size)));
	return files;
}

/** Refuses a new upload that would take the account over its quota; the same file again costs nothing. */
export async function checkUploadQuota(db: Kysely<Database>, accountId: string, file: { sha256: string; size: number }, quotaBytes: number | undefined): Promise<void> {
	if (quotaBytes === undefined) return;
	const files = await pendingFiles(db, accountId);
	if (files.has(file.sha256)) return;
	const held = [...files.values()].reduce((sum, n) => sum + n, 0);
	if (held + file.size <= quotaBytes) return;
	throw new ApiError(
		'upload_quota_exceeded',
		`Tài khoản này đang giữ ${formatBytes(held)} tệp đã tải lên nhưng chưa thuộc hồ sơ nào đã gửi (tối đa ${formatBytes(quotaBytes)}). Hãy gửi các hồ sơ đang chờ hoặc bỏ bớt tệp; hồ sơ vẫn được giữ trên máy và ứng dụng sẽ tự thử lại sau.`,
		{ retryAfterSeconds: 3600, details: { heldBytes: held, quotaBytes, fileBytes: file.size } }
	);
}

export interface OrphanReport {
	/** `blobs` rows (account, file) removed. */
	blobs: number;
	/** Files removed from the blob store. */
	files: number;
}

/**
 * Deletes the `blobs` rows nothing uses that arrived before `cutoff`, then every file of the
 * store older than `cutoff` that no row and no dossier, result or paper names (a row just
 * deleted, or a file a crash left between the move and its row).
 */
export async function removeOrphanBlobs(db: Kysely<Database>, dataDir: string, cutoff: Date): Promise<OrphanReport> {
	const deleted = await db.deleteFrom('blobs').where('created_at', '<', cutoff.toISOString()).where(unreferenced).executeTakeFirst();
	let files = 0;
	for await (const batch of oldStoreFiles(dataDir, cutoff, 500)) {
		const kept = await keptAmong(db, batch);
		for (const sha256 of batch) {
			if (kept.has(sha256)) continue;
			const path = blobPath(dataDir, sha256);
			// Look again just before: an upload of the same bytes touches the file (store.ts).
			const info = await stat(path).catch(() => undefined);
			if (!info || info.mtimeMs >= cutoff.getTime()) continue;
			if ((await keptAmong(db, [sha256])).size) continue;
			await rm(path, { force: true });
			files += 1;
		}
	}
	return { blobs: Number(deleted.numDeletedRows), files };
}

/** Of these hashes, those some account holds or something uses. */
async function keptAmong(db: Kysely<Database>, hashes: string[]): Promise<Set<string>> {
	const kept = new Set<string>();
	for (const table of ['blobs', ...REFERENCING] as const) {
		const rows = await db.selectFrom(table).select('sha256').distinct().where('sha256', 'in', hashes).execute();
		for (const row of rows) kept.add(row.sha256);
	}
	return kept;
}

/** The store's files (`ab/cd/<sha256>`) last written before `cutoff`, in batches. */
async function* oldStoreFiles(dataDir: string, cutoff: Date, size: number): AsyncGenerator<string[]> {
	let batch: string[] = [];
	const list = (dir: string) => readdir(dir).catch(() => [] as string[]);
	const root = blobsDir(dataDir);
	for (const a of await list(root))
		for (const b of await list(join(root, a)))
			for (const name of await list(join(root, a, b))) {
				if (!/^[0-9a-f]{64}$/.test(name)) continue;
				const info = await stat(join(root, a, b, name)).catch(() => undefined);
				if (!info?.isFile() || info.mtimeMs >= cutoff.getTime()) continue;
				batch.push(name);
				if (batch.length >= size) {
					yield batch;
					batch = [];
				}
			}
	if (batch.length) yield batch;
}
