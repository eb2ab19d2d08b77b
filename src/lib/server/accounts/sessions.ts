import { createHash, randomBytes } from 'node:crypto';
import { isoAfter, isoNow, nowOf, type AccountDeps } from './deps';
import { toAccountView, type AccountView } from './store';

/**
 * Sessions: the browser holds a 32-byte random token (cookie); the database holds only
 * its SHA-256, so a leaked database cannot be replayed as cookies. Expiry slides: each
 * use (at most once a minute, to spare writes) pushes it 30 days ahead.
 */
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const TOUCH_INTERVAL_MS = 60_000;

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
	token: string;
	expiresAt: string;
}

export async function createSession(
	deps: AccountDeps,
	accountId: string,
	userAgent?: string | null
): Promise<NewSession> {
	const token = randomBytes(32).toString('base64url');
	const now = isoNow(deps);
	const expiresAt = isoAfter(deps, SESSION_TTL_MS);
	await deps.db
		.insertInto('sessions')
		.values({
			id: sessionId(token),
			account_id: accountId,
			created_at: now,
			last_seen_at: now,
			expires_at: expiresAt,
			user_agent: userAgent?.slice(0, 300) ?? null
		})
		.execute();
	return { token, expiresAt };
}

export interface SessionInfo {
	expiresAt: string;
	account: AccountView;
}

/** The signed-in account for a token, or null (unknown, expired, or account not active). */
export async function getSession(deps: AccountDeps, token: string | undefined | null): Promise<SessionInfo | null> {
	if (!token) return null;
	const id = sessionId(token);
	const row = await deps.db
		.selectFrom('sessions')
		.innerJoin('accounts', 'accounts.id', 'sessions.account_id')
		.selectAll('accounts')
		.select(['sessions.expires_at as session_expires_at', 'sessions.last_seen_at as session_last_seen_at'])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const now = nowOf(deps);
	if (row.session_expires_at <= now.toISOString()) {
		await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
		return null;
	}
	if (row.status !== 'active') return null;

	let expiresAt = row.session_expires_at;
	if (now.getTime() - Date.parse(row.session_last_seen_at) >= TOUCH_INTERVAL_MS) {
		// Sliding the expiry is a courtesy: when the write fails (disk full, database busy) the
		// session is still valid until its stored expiry, so the person stays signed in.
		const slid = isoAfter(deps, SESSION_TTL_MS);
		try {
			await deps.db
				.updateTable('sessions')
				.set({ last_seen_at: now.toISOString(), expires_at: slid })
				.where('id', '=', id)
				.execute();
			expiresAt = slid;
		} catch (error) {
			console.warn('Session refresh not saved; the session stays valid:', (error as Error)?.message ?? error);
		}
	}
	const { session_expires_at: _e, session_last_seen_at: _l, ...account } = row;
	return { expiresAt, account: toAccountView(account) };
}

export async function signOut(deps: Pick<AccountDeps, 'db'>, token: string): Promise<void> {
	await deps.db.deleteFrom('sessions').where('id', '=', sessionId(token)).execute();
}

/** Ends every session of the account, except the one holding `keepToken` if given. */
export async function signOutEverywhere(deps: AccountDeps, accountId: string, keepToken?: string): Promise<number> {
	let query = deps.db.deleteFrom('sessions').where('account_id', '=', accountId);
	if (keepToken) query = query.where('id', '!=', sessionId(keepToken));
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Deletes expired sessions; for a periodic job. */
export async function pruneSessions(deps: AccountDeps): Promise<void> {
	await deps.db.deleteFrom('sessions').where('expires_at', '<=', isoNow(deps)).execute();
}
