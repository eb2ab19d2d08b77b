import { describe, expect, it } from 'vitest';
import { activate, register, resendActivationCode, signIn } from '$lib/server/accounts';
import { accountError, citizen, latestCode, makeDeps, otherCode } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const PHONE = '0971234567';
const MINUTE = 60_000;

describe('activation codes', () => {
	forEachDatabase((t) => {
		it('activates with the code, by account id or by ID number, and lets the person sign in', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			const code = await latestCode(deps.db, PHONE);
			expect(await activate(deps, { identifier: '001190001234' }, code.slice(0, 3) + ' ' + code.slice(3))).toEqual({ accountId });
			const status = await deps.db.selectFrom('accounts').select('status').where('id', '=', accountId).executeTakeFirstOrThrow();
			expect(status.status).toBe('active');
			const session = await signIn(deps, { identifier: PHONE, password: citizen().password, ip: '10.0.0.1' });
			expect(session.account.id).toBe(accountId);
		});

		it('refuses a code that was already used', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			const code = await latestCode(deps.db, PHONE);
			await activate(deps, { accountId }, code);
			const again = await accountError(activate(deps, { accountId }, code));
			expect(again.code).toBe('code_used');
		});

		it('refuses an expired code (older than 10 minutes)', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			const code = await latestCode(deps.db, PHONE);
			deps.advance(10 * MINUTE);
			const error = await accountError(activate(deps, { accountId }, code));
			expect(error.code).toBe('code_expired');
			expect(error.message).toMatch(/hết hạn/);
		});

		it('allows 5 tries: after 5 wrong codes even the right one is refused', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			const code = await latestCode(deps.db, PHONE);
			const messages = [];
			for (let i = 0; i < 5; i++) messages.push((await accountError(activate(deps, { accountId }, otherCode(code)))).message);
			expect(messages.slice(0, 4)).toEqual([4, 3, 2, 1].map((n) => `Mã xác nhận không đúng. Bạn còn ${n} lần thử.`));
			expect(messages[4]).toMatch(/sai mã 5 lần/);
			const right = await accountError(activate(deps, { accountId }, code));
			expect(right.code).toBe('code_too_many_attempts');
		});

		it('counts parallel guesses atomically: never more than 5 tries per code', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			const code = await latestCode(deps.db, PHONE);
			const guesses = Array.from({ length: 9 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
			const errors = await Promise.all(guesses.map((guess) => accountError(activate(deps, { accountId }, guess))));
			expect(errors.filter((e) => e.code === 'code_invalid')).toHaveLength(4);
			expect(errors.filter((e) => e.code === 'code_too_many_attempts')).toHaveLength(5);
			const row = await deps.db.selectFrom('one_time_codes').select('attempts').executeTakeFirstOrThrow();
			expect(Number(row.attempts)).toBe(5);
		});

		it('throttles resending: 60 s apart, at most 5 codes an hour; a new code replaces the old one', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			const first = await latestCode(deps.db, PHONE);
			const tooSoon = await accountError(resendActivationCode(deps, { accountId }));
			expect(tooSoon.code).toBe('resend_too_soon');
			expect(tooSoon.retryAfterSeconds).toBe(60);
			for (let i = 0; i < 4; i++) {
				deps.advance(61_000);
				await resendActivationCode(deps, { accountId });
			}
			deps.advance(61_000);
			const sixth = await accountError(resendActivationCode(deps, { accountId }));
			expect(sixth.code).toBe('rate_limited');
			expect(sixth.message).toMatch(/Bạn đã yêu cầu gửi mã quá nhiều lần/);

			const latest = await latestCode(deps.db, PHONE);
			if (latest !== first) {
				expect((await accountError(activate(deps, { accountId }, first))).code).toBe('code_invalid');
			}
			await activate(deps, { accountId }, latest);
			deps.advance(61 * MINUTE);
			const done = await accountError(resendActivationCode(deps, { accountId }));
			expect(done.message).toMatch(/đã được kích hoạt/);
		});
	});
});
