/**
 * Periodic clean-up of rows and files that have outlived their use, so the database and
 * the data directory do not grow without end:
 *
 * - sessions past their expiry (a signed-out phone never comes back to end its session);
 * - one-time codes a day after they expired (kept that long so "code expired" can still be
 *   told apart from "wrong code");
 * - rate-limit counters whose window ended more than a day ago (every window is ≤ 1 hour);
 * - messages in the outbound log older than 7 days (they may hold one-time codes);
 * - tus uploads never finished within `abandonedUploadDays` (default 7): the partial file,
 *   its metadata and its row. A person who comes back later starts that file again, which
 *   the outbox does on its own when the server answers 404 for the old upload.
 *
 * Plain DELETEs keyed on time: harmless when several app instances run it at once.
 */
import type { Kysely } from 'kysely';
import { FileStore } from '@tus/file-store';
import type { Database } from './db/types';
import { uploadsDir } from './blobs/store';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface HousekeepingDeps {
	db: Kysely<Database>;
	dataDir: string;
	abandonedUploadDays?: number;
	now?: () => Date;
}

export interface HousekeepingReport {
	sessions: number;
	codes: number;
	rateLimits: number;
	messages: number;
	uploads: number;
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
		.where('created_at', '<', before(now, (deps.abandonedUploadDays ?? 7) * DAY))
		.execute();
	const store = abandoned.length ? new FileStore({ directory: uploadsDir(deps.dataDir) }) : undefined;
	for (const { id } of abandoned) {
		// The file may already be gone (a disk clean-up, an earlier run that stopped midway).
		await store!.remove(id).catch(() => {});
		await db.deleteFrom('uploads').where('id', '=', id).where('completed_at', 'is', null).execute();
	}
	return { sessions, codes, rateLimits, messages, uploads: abandoned.length };
}

/** Runs now and then every `everyMs` (default 1 hour) for the life of the process. */
export function scheduleHousekeeping(deps: HousekeepingDeps, everyMs = HOUR): () => void {
	const run = () =>
		runHousekeeping(deps).then(
			(r) => {
				if (Object.values(r).some((n) => n > 0)) console.log(`[housekeeping] removed ${JSON.stringify(r)}`);
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
