import { sql, type Kysely } from 'kysely';
import type { Database } from './db/types';

/**
 * Fixed-window counters kept in the database, never in process memory, so several app
 * instances behind a load balancer share them. One statement increments atomically on
 * both SQLite and PostgreSQL: INSERT … ON CONFLICT DO UPDATE … RETURNING. In the UPDATE
 * both dialects evaluate `rate_limits.window_start` as the old row's value, so a counter
 * from an earlier window restarts at 1.
 */

export interface RateLimitRule {
	/** Allowed hits per window. */
	limit: number;
	windowMs: number;
	/** Shifts the windows' edges: `VIETNAM_DAY` windows start at midnight Vietnam time, not UTC. */
	offsetMs?: number;
}

export interface RateLimitResult {
	allowed: boolean;
	count: number;
	/** Milliseconds until the current window ends (0 when allowed). */
	retryAfterMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A day window from 00:00 to 24:00 Vietnam time (UTC+7, no daylight saving). */
export const vietnamDay = (limit: number): RateLimitRule => ({ limit, windowMs: DAY, offsetMs: 7 * 60 * MINUTE });

/** Sign-in limits multiplied (a whole e2e suite signs the one demo citizen in from one address); 1 in production. */
const signInScale = Math.max(1, Math.floor(Number(process.env.SIGN_IN_LIMIT_SCALE ?? 1)) || 1);

/** The limits the accounts services use; one place to tune them. */
export const rateLimits = {
	/** Failed sign-ins from one network address, whatever the account (a successful one is not counted). */
	signInFailuresPerAddress: { limit: 50 * signInScale, windowMs: 15 * MINUTE },
	/** Changing the password: the current one typed wrong, per account. */
	currentPasswordChecks: { limit: 10, windowMs: 15 * MINUTE },
	codeRequestsPerAccount: { limit: 5, windowMs: 60 * MINUTE },
	codeRequestsPerIp: { limit: 20, windowMs: 60 * MINUTE },
	codeChecksPerAccount: { limit: 10, windowMs: 15 * MINUTE },
	/** Codes typed with an ID number or phone from one address, whatever the account (or none). */
	codeChecksPerAddress: { limit: 30, windowMs: 15 * MINUTE },
	/** Tra cứu hồ sơ by someone other than the owner: enough for a family's dossiers, too few to walk through codes. */
	lookupPerAddress: { limit: 30, windowMs: 10 * MINUTE }
} satisfies Record<string, RateLimitRule>;

/**
 * Exponential delay after repeated failures, never a lockout: the first `free` attempts
 * pass at once, then attempt n waits `baseMs · 2^(n − free − 1)` after the previous one,
 * at most `capMs`. A success clears the counter; a day without attempts forgets it.
 */
export interface BackoffRule {
	free: number;
	baseMs: number;
	capMs: number;
}

export const signInBackoff = {
	/**
	 * One account from one network address: the owner who mistypes waits seconds, a guesser
	 * at that address gets about 15 tries in the first half hour and then 4 an hour. The owner
	 * at another address is not slowed by it.
	 */
	perAccountAndAddress: { free: 5 * signInScale, baseMs: 1000, capMs: 15 * MINUTE },
	/**
	 * One account from every address together (guessing from many addresses): past 30 open
	 * failures every attempt waits, at most one minute, so the owner is slowed, never shut out.
	 */
	perAccount: { free: 30 * signInScale, baseMs: 1000, capMs: MINUTE }
} satisfies Record<string, BackoffRule>;

const IDLE_RESET_MS = DAY;

/**
 * Claims one attempt under `rule` for `key`, counting it before the caller checks the
 * password (so parallel requests cannot all pass): the row's `count` is the attempts since
 * the last success and `window_start` the time of the newest. The claim is a compare-and-set
 * on both, so of two requests that read the same row only one proceeds.
 */
export async function claimBackoffAttempt(
	db: Kysely<Database>,
	key: string,
	rule: BackoffRule,
	now: Date = new Date()
): Promise<RateLimitResult> {
	const nowIso = now.toISOString();
	const row = await db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
	if (!row) {
		const inserted = await db
			.insertInto('rate_limits')
			.values({ key, window_start: nowIso, count: 1 })
			.onConflict((oc) => oc.column('key').doNothing())
			.returning('count')
			.executeTakeFirst();
		return inserted ? { allowed: true, count: 1, retryAfterMs: 0 } : { allowed: false, count: 1, retryAfterMs: 1000 };
	}
	const last = Date.parse(row.window_start);
	const previous = now.getTime() - last >= IDLE_RESET_MS ? 0 : Number(row.count);
	const wait = backoffDelay(rule, previous);
	if (now.getTime() < last + wait) return { allowed: false, count: previous, retryAfterMs: last + wait - now.getTime() };
	const claimed = await db
		.updateTable('rate_limits')
		.set({ count: previous + 1, window_start: nowIso })
		.where('key', '=', key)
		.where('count', '=', row.count)
		.where('window_start', '=', row.window_start)
		.executeTakeFirst();
	if (Number(claimed.numUpdatedRows) !== 1) return { allowed: false, count: previous, retryAfterMs: 1000 };
	return { allowed: true, count: previous + 1, retryAfterMs: 0 };
}

/** How long the attempt after `failures` open failures must wait after the newest one. */
export function backoffDelay(rule: BackoffRule, failures: number): number {
	if (failures < rule.free) return 0;
	return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(30, failures - rule.free));
}

/** Takes back one hit of a fixed-window counter (a success that should not count). */
export async function forgiveRateLimitHit(db: Kysely<Database>, key: string): Promise<void> {
	await db
		.updateTable('rate_limits')
		.set({ count: sql<number>`count - 1` })
		.where('key', '=', key)
		.where('count', '>', 0)
		.execute();
}

/** Counts one hit against `key` and says whether it is within the rule. */
export async function hitRateLimit(
	db: Kysely<Database>,
	key: string,
	rule: RateLimitRule,
	now: Date = new Date()
): Promise<RateLimitResult> {
	const offset = rule.offsetMs ?? 0;
	const windowStartMs = Math.floor((now.getTime() + offset) / rule.windowMs) * rule.windowMs - offset;
	const windowStart = new Date(windowStartMs).toISOString();
	const row = await db
		.insertInto('rate_limits')
		.values({ key, window_start: windowStart, count: 1 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
				window_start: sql<string>`excluded.window_start`
			})
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	const count = Number(row.count);
	const allowed = count <= rule.limit;
	return {
		allowed,
		count,
		retryAfterMs: allowed ? 0 : windowStartMs + rule.windowMs - now.getTime()
	};
}

/** Forgets a counter, e.g. a successful sign-in clears its failures. */
export async function resetRateLimit(db: Kysely<Database>, key: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Removes counters whose window ended long ago; safe to call from a periodic job. */
export async function pruneRateLimits(db: Kysely<Database>, olderThan: Date): Promise<void> {
	await db.deleteFrom('rate_limits').where('window_start', '<', olderThan.toISOString()).execute();
}
