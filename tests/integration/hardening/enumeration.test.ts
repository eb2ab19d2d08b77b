/**
 * Issue 12, defect 4: asking for a new activation code by ID number or phone tells nobody
 * whether such an account exists (pending, active, or none: the same answer), and one
 * address can ask only so often.
 */
import { describe, expect, it } from 'vitest';
import { activate, register, resendActivationByIdentifier, resetPassword } from '$lib/server/accounts';
import { rateLimits } from '$lib/server/rate-limit';
import { accountError, citizen, latestCode, makeDeps, otherCode, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const PHONE = citizen().phone.replace(/\s/g, '');

describe('resending an activation code by identifier', () => {
	forEachDatabase((t) => {
		it('answers the same for a pending account, an active one and none, and still sends to the pending one', async () => {
			const deps = makeDeps(t().db);
			await register(deps, citizen());
			const first = await latestCode(deps.db, PHONE);
			deps.advance(2 * 60_000);
			const pending = await resendActivationByIdentifier(deps, { identifier: citizen().idNumber, ip: '10.1.0.1' });
			const missing = await resendActivationByIdentifier(deps, { identifier: '001099999999', ip: '10.1.0.1' });
			// Asked again at once: the per-account wait is not told either.
			const tooSoon = await resendActivationByIdentifier(deps, { identifier: PHONE, ip: '10.1.0.1' });
			expect(missing).toEqual(pending);
			expect(tooSoon).toEqual(pending);
			expect(pending.message).toMatch(/^Nếu số này có tài khoản đang chờ kích hoạt/);
			const resent = await latestCode(deps.db, PHONE);
			expect(resent).not.toBe(first);

			await activate(deps, { identifier: citizen().idNumber }, resent);
			expect(await resendActivationByIdentifier(deps, { identifier: citizen().idNumber, ip: '10.1.0.1' })).toEqual(pending);
		});

		it('limits one address, whatever the numbers asked for', async () => {
			const deps = makeDeps(t().db);
			for (let i = 0; i < rateLimits.codeRequestsPerIp.limit; i++)
				await resendActivationByIdentifier(deps, { identifier: `0010990000${String(i).padStart(2, '0')}`, ip: '10.1.0.2' });
			const refused = await accountError(resendActivationByIdentifier(deps, { identifier: '001099000099', ip: '10.1.0.2' }));
			expect([refused.status, refused.code]).toEqual([429, 'rate_limited']);
			// Another address is not affected.
			await resendActivationByIdentifier(deps, { identifier: '001099000099', ip: '10.1.0.3' });
		});
	});
});

const answerOf = async (p: Promise<unknown>) => {
	const e = await accountError(p);
	return [e.status, e.code, e.message, e.fields];
};

describe('checking a code typed with an ID number or phone (/register/verify, /signin/reset)', () => {
	forEachDatabase((t) => {
		it('answers a wrong activation code alike for a pending account, an active one and none', async () => {
			const deps = makeDeps(t().db);
			await register(deps, citizen());
			const code = await latestCode(deps.db, PHONE);
			const active = await registerActive(deps, { idNumber: '001090005678', dateOfBirth: '01/01/1990', sex: 'nam', phone: '0971000111' });
			expect(active).toBeTruthy();
			const pending = await answerOf(activate(deps, { identifier: citizen().idNumber }, otherCode(code), { ip: '10.2.0.1' }));
			expect(pending[1]).toBe('code_invalid');
			expect(await answerOf(activate(deps, { identifier: '001090005678' }, code, { ip: '10.2.0.1' }))).toEqual(pending);
			expect(await answerOf(activate(deps, { identifier: '001099999999' }, code, { ip: '10.2.0.1' }))).toEqual(pending);
			expect(await answerOf(activate(deps, { identifier: '0988888888' }, code, { ip: '10.2.0.1' }))).toEqual(pending);
			// Out of tries, a used or an expired code: still the same answer.
			for (let i = 0; i < 5; i++) await accountError(activate(deps, { identifier: PHONE }, otherCode(code), { ip: '10.2.0.1' }));
			expect(await answerOf(activate(deps, { identifier: PHONE }, code, { ip: '10.2.0.1' }))).toEqual(pending);
			// The right code still activates.
			deps.advance(61_000);
			await resendActivationByIdentifier(deps, { identifier: PHONE, ip: '10.2.0.1' });
			await activate(deps, { identifier: PHONE }, await latestCode(deps.db, PHONE), { ip: '10.2.0.1' });
		});

		it('throttles guesses for a missing account exactly as for a real one, and per address', async () => {
			const deps = makeDeps(t().db);
			await register(deps, citizen());
			const real: unknown[][] = [];
			const none: unknown[][] = [];
			for (let i = 0; i < rateLimits.codeChecksPerAccount.limit + 1; i++) {
				real.push(await answerOf(activate(deps, { identifier: citizen().idNumber }, '000000', { ip: `10.3.0.${i}` })));
				none.push(await answerOf(activate(deps, { identifier: '001099999999' }, '000000', { ip: `10.3.1.${i}` })));
			}
			expect(none).toEqual(real);
			expect(real.at(-1)![1]).toBe('rate_limited');
			for (let i = 0; i < rateLimits.codeChecksPerAddress.limit; i++) await accountError(activate(deps, { identifier: `0010990000${String(i).padStart(2, '0')}` }, '000000', { ip: '10.3.2.1' }));
			expect((await accountError(activate(deps, { identifier: '001099000099' }, '000000', { ip: '10.3.2.1' }))).code).toBe('rate_limited');
		});

		it('answers a password reset alike whether the account exists, even for a password made of its own numbers', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			// The account's phone as the password, asked by ID number: the account would refuse it, but only after the right code.
			for (const newPassword of [PHONE, 'mot-mat-khau-dai-du']) {
				const existing = await answerOf(resetPassword(deps, { identifier: citizen().idNumber, code: '000000', newPassword, ip: '10.4.0.1' }));
				const missing = await answerOf(resetPassword(deps, { identifier: '001099999999', code: '000000', newPassword, ip: '10.4.0.1' }));
				expect(missing.slice(1, 3), newPassword).toEqual(existing.slice(1, 3));
			}
		});
	});
});
