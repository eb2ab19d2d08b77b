/**
 * Issue 12, defect 3: a database error is not a sign-out. A failed session refresh keeps the
 * session; a session that cannot be read answers 503 "thử lại sau", never `account: null`.
 */
import { describe, expect, it } from 'vitest';
import { getSession, signIn } from '$lib/server/accounts';
import { sessionOfRequest } from '$lib/server/http/request-session';
import { citizen, makeDeps, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';
import { failingOn } from '../helpers/failing-storage';

describe('a storage failure during the session lookup', () => {
	forEachDatabase((t) => {
		it('keeps the session valid when its refresh cannot be written', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			const { token, expiresAt } = await signIn(deps, { identifier: citizen().idNumber, password: citizen().password, ip: '10.9.0.1' });
			deps.advance(2 * 60_000); // past the once-a-minute refresh
			const full = { ...deps, db: failingOn(t().db, 'UpdateQueryNode', 'sessions') };
			const session = await getSession(full, token);
			expect(session?.account.id).toBe(accountId);
			expect(session?.expiresAt).toBe(expiresAt);
			// …and the hook lets the request through as signed in.
			const who = await sessionOfRequest(full, token, '/api/session');
			expect('session' in who && who.session?.account.id).toBe(accountId);
		});

		it('answers 503 with "thử lại sau" (API envelope, or a page) when the session cannot be read', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const { token } = await signIn(deps, { identifier: citizen().idNumber, password: citizen().password, ip: '10.9.0.2' });
			const down = { ...deps, db: failingOn(t().db, 'SelectQueryNode', 'sessions') };

			const api = await sessionOfRequest(down, token, '/api/session');
			expect('unavailable' in api).toBe(true);
			const answer = (api as { unavailable: Response }).unavailable;
			expect(answer.status).toBe(503);
			expect(answer.headers.get('retry-after')).toBe('30');
			const body = await answer.json();
			expect(body.error.code).toBe('storage_unavailable');
			expect(body.error.message).toMatch(/thử lại sau/);

			const page = (await sessionOfRequest(down, token, '/account')) as { unavailable: Response };
			expect(page.unavailable.status).toBe(503);
			expect(await page.unavailable.text()).toContain('không cần đăng nhập lại');

			// Without a cookie nothing is read: the visitor is simply signed out.
			expect(await sessionOfRequest(down, undefined, '/api/session')).toEqual({ session: null });
		});
	});
});
