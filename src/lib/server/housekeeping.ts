/**
 * Periodic clean-up of rows and files that have outlived their use, so the database and
 * the data directory do not grow without end:
 *
 * - sessions past their expiry (a signed-out phone never comes back to end its session);
 * - one-time codes a day after they expired (kept that long so "code expired" can still be
 *   told apart from "wrong code");
 * - rate-limit counters whose window ended more than a day ago (every window is ≤ 1 hour);
 * - messages in the outbound log older than 7 days (they may hold one-time codes);
 * - tus uploads never finished within `incompleteUploadHours` (INCOMPLETE_UPLOAD_HOURS,
 *   default 72): the partial file, its metadata and its row. A person who comes back later
 *   starts that file again, which the outbox does on its own when the server answers 404;
 * - stored files no dossier, result or paper uses, `unreferencedBlobHours` after they arrived
 *   (UNREFERENCED_BLOB_HOURS, default 336 = 14 days): their `blobs` rows, then the file once
 *   no row names it (blobs/orphans.ts). A dossier sent later finds the file missing
 *   (`missing_blobs`) and the outbox uploads it again.
 *
 * And one catch-up that writes: a paid fee without its e-receipt (paid before receipts were
 * issued at settlement, or whose receipt failed then) gets it (payments/receipt-paper.ts), so
 * the run soon after start is the one-time backfill and later runs retry a failure.
 *
 * Plain DELETEs keyed on time, and receipts issued once per payment (a unique paper per
 * dossier and file): harmless when several app instances run it at once.
 */
import type { Kysely } from 'kysely';
import { FileStore } from '@tus/file-store';
import type { Database } from './db/types';
import { getConfig } from './config';
import { migrateToLatest, openDatabase } from './db';
import { uploadsDir } from './blobs/store';
import { removeOrphanBlobs } from './blobs/orphans';
import { issueMissingReceipts } from './payments/receipt-paper';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface HousekeepingDeps {
	db: Kysely<Database>;
	dataDir: string;
	incompleteUploadHours?: number;
	unreferencedBlobHours?: number;
	now?: () => Date;
}

export interface HousekeepingReport {
	sessions: number;
	codes: number;
	rateLimits: number;
	messages: number;
	uploads: number;
	blobs: number;
	blobFiles: number;
	/** Fee e-receipts issued by the catch-up. */
	receiptsIssued: number;
}

const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

export async function runHousekeeping(deps: HousekeepingDeps): Promise<HousekeepingReport> {
	const { db } = deps;
	const now = deps.now?.() ?? new Date();
	const sessions = count(await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).executeTakeFirst());
	const codes = count(await db.deleteFrom('one_time_codes').where('expires_at', '<', before(now, DAY)).executeTakeFirst());
	const rateLimits = count(await db.deleteFrom('rate_limits').where('window_start', '<', before(now, DAY)).executeTakeFirst());
	const messages = count(await db.deleteFrom('outbound_messages').where('created_at', '<', before(now, 7 * DAY)).executeTakeFirst());

	const abandoned = await db
		.selectFrom('uploads')
		.select('id')
		.where('completed_at', 'is', null)
		.where('created_at', '<', before(now, (deps.incompleteUploadHours ?? 72) * HOUR))
		.execute();
	const store = abandoned.length ? new FileStore({ directory: uploadsDir(deps.dataDir) }) : undefined;
	for (const { id } of abandoned) {
		// The file may already be gone (a disk clean-up, an earlier run that stopped midway).
		await store!.remove(id).catch(() => {});
		await db.deleteFrom('uploads').where('id', '=', id).where('completed_at', 'is', null).execute();
	}
	// Before the orphan sweep, so a receipt's file is named by its paper when the sweep looks.
	const receiptsIssued = await issueMissingReceipts({ db, dataDir: deps.dataDir });
	const orphans = await removeOrphanBlobs(db, deps.dataDir, new Date(before(now, (deps.unreferencedBlobHours ?? 336) * HOUR)));
	return { sessions, codes, rateLimits, messages, uploads: abandoned.length, blobs: orphans.blobs, blobFiles: orphans.files, receiptsIssued };
}

/** Runs soon after start and then every `everyMs` (default 1 hour) for the life of the process. */
export function scheduleHousekeeping(deps: HousekeepingDeps, everyMs = HOUR): () => void {
	const run = () =>
		runHousekeeping(deps).then(
			(r) => {
				if (Object.values(r).some((n) => n > 0)) console.log(`[housekeeping] ${JSON.stringify(r)}`);
			},
			(error) => console.error('[housekeeping] failed', error)
		);
	const first = setTimeout(run, 10_000);
	const timer = setInterval(run, everyMs);
	first.unref?.();
	timer.unref?.();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}

/** `npm run housekeeping`: one run on the database and data folder the environment names, as `npm start` reads them. */
export async function housekeepingCommand(): Promise<string> {
	const config = getConfig();
	const database = openDatabase(config);
	try {
		await migrateToLatest(database.db);
		const report = await runHousekeeping({ db: database.db, dataDir: config.dataDir, ...config.housekeeping });
		return `Housekeeping: ${JSON.stringify(report)}`;
	} finally {
		await database.close();
	}
}
