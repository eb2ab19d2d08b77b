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
	signInPerIdentifier: { limit: 10 * signInScale, windowMs: 15 * MINUTE },
	signInPerIp: { limit: 50 * signInScale, windowMs: 15 * MINUTE },
	codeRequestsPerAccount: { limit: 5, windowMs: 60 * MINUTE },
	codeRequestsPerIp: { limit: 20, windowMs: 60 * MINUTE },
	codeChecksPerAccount: { limit: 10, windowMs: 15 * MINUTE },
	/** Tra cứu hồ sơ by someone other than the owner: enough for a family's dossiers, too few to walk through codes. */
	lookupPerAddress: { limit: 30, windowMs: 10 * MINUTE }
} satisfies Record<string, RateLimitRule>;

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
