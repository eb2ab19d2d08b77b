import { describe, expect, it } from 'vitest';
import { getSession, INVALID_CREDENTIALS, register, SESSION_TTL_MS, signIn, signOut, signOutEverywhere } from '$lib/server/accounts';
import { accountError, citizen, makeDeps, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const PASSWORD = citizen().password;
const DAY = 24 * 3600_000;

describe('sign-in and sessions', () => {
	forEachDatabase((t) => {
		it('signs in by ID number or phone; only the token hash is stored', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			for (const identifier of ['001190001234', '0971 234 567', '+84971234567']) {
				const result = await signIn(deps, { identifier, password: PASSWORD, ip: '10.0.0.1', userAgent: 'Chrome Android' });
				expect(result.account).toMatchObject({ id: accountId, fullName: 'Phạm Thị Hoa', role: 'citizen' });
				expect(Buffer.from(result.token, 'base64url')).toHaveLength(32);
				expect((await getSession(deps, result.token))?.account.id).toBe(accountId);
			}
			const stored = await deps.db.selectFrom('sessions').select('id').execute();
			expect(stored).toHaveLength(3);
			expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
		});

		it('gives the same answer for a wrong password, an unknown person and a malformed identifier', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const answers = await Promise.all(
				[
					{ identifier: '001190001234', password: 'wrong-password' },
					{ identifier: '001190009999', password: PASSWORD },
					{ identifier: '0999999999', password: PASSWORD },
					{ identifier: 'not an id', password: PASSWORD }
				].map(async (input) => {
					const error = await accountError(signIn(deps, { ...input, ip: '10.0.0.2' }));
					return [error.code, error.message, error.fields];
				})
			);
			expect(answers).toEqual(Array(4).fill(['invalid_credentials', INVALID_CREDENTIALS, undefined]));
		});

		it('says an account is pending only after the password is right', async () => {
			const deps = makeDeps(t().db);
			await register(deps, citizen());
			const wrong = await accountError(signIn(deps, { identifier: '001190001234', password: 'wrong-password', ip: '10.0.0.3' }));
			expect(wrong.message).toBe(INVALID_CREDENTIALS);
			const right = await accountError(signIn(deps, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.3' }));
			expect(right.code).toBe('account_pending');
		});

		it('expires a session after 30 days without use and slides the expiry on use', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const { token, expiresAt } = await signIn(deps, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.4' });
			expect(Date.parse(expiresAt) - deps.now!().getTime()).toBe(SESSION_TTL_MS);
			deps.advance(20 * DAY);
			expect(await getSession(deps, token)).not.toBeNull();
			deps.advance(20 * DAY);
			expect(await getSession(deps, token)).not.toBeNull();
			deps.advance(30 * DAY);
			expect(await getSession(deps, token)).toBeNull();
			expect(await deps.db.selectFrom('sessions').select('id').execute()).toEqual([]);
			expect(await getSession(deps, 'made-up-token')).toBeNull();
		});

		it('signs out one session, or every session of the account', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			await registerActive(deps, { idNumber: '001090005678', dateOfBirth: '01/01/1990', sex: 'nam', phone: '0971000111' });
			const tokens = [];
			for (let i = 0; i < 3; i++) tokens.push((await signIn(deps, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.5' })).token);
			const other = (await signIn(deps, { identifier: '001090005678', password: PASSWORD, ip: '10.0.0.5' })).token;
			await signOut(deps, tokens[0]);
			expect(await getSession(deps, tokens[0])).toBeNull();
			expect(await getSession(deps, tokens[1])).not.toBeNull();
			expect(await signOutEverywhere(deps, accountId)).toBe(2);
			expect(await getSession(deps, tokens[2])).toBeNull();
			expect(await getSession(deps, other)).not.toBeNull();
		});

		it('upgrades a hash made with weaker parameters at the next sign-in', async () => {
			const weak = makeDeps(t().db);
			const accountId = await registerActive(weak);
			const before = await weak.db.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirstOrThrow();
			expect(before.password_hash).toMatch(/^scrypt\$10\$/);
			const real = makeDeps(t().db, { realPasswordCost: true });
			await signIn(real, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.7' });
			const after = await weak.db.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirstOrThrow();
			expect(after.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);
			await signIn(real, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.7' });
		});

		it('ignores sessions of a locked account', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			const { token } = await signIn(deps, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.6' });
			await deps.db.updateTable('accounts').set({ status: 'locked' }).where('id', '=', accountId).execute();
			expect(await getSession(deps, token)).toBeNull();
			const locked = await accountError(signIn(deps, { identifier: '001190001234', password: PASSWORD, ip: '10.0.0.6' }));
			expect(locked.code).toBe('account_locked');
		});
	});
});
