/**
 * Issue 12, defect 5: sign-in limits slow a guesser without locking the owner out. Delays
 * grow per account and address; the ID number and the phone are one account; a successful
 * sign-in is not counted against its address.
 */
import { describe, expect, it } from 'vitest';
import { signIn } from '$lib/server/accounts';
import { backoffDelay, rateLimits, signInBackoff } from '$lib/server/rate-limit';
import { accountError, citizen, makeDeps, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const { idNumber, password: PASSWORD } = citizen();
const PHONE = citizen().phone.replace(/\s/g, '');
const PAIR = signInBackoff.perAccountAndAddress;

describe('sign-in limits (no lockout of the owner)', () => {
	it('waits exponentially longer after the free attempts, at most the cap', () => {
		expect([0, PAIR.free - 1].map((n) => backoffDelay(PAIR, n))).toEqual([0, 0]);
		expect([PAIR.free, PAIR.free + 1, PAIR.free + 3].map((n) => backoffDelay(PAIR, n))).toEqual([1000, 2000, 8000]);
		expect(backoffDelay(PAIR, PAIR.free + 40)).toBe(PAIR.capMs);
	});

	forEachDatabase((t) => {
		it('lets the owner in from home while a guesser elsewhere is slowed', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			for (let i = 0; i < PAIR.free; i++) await accountError(signIn(deps, { identifier: idNumber, password: `wrong-${i}`, ip: '203.0.113.9' }));
			const slowed = await accountError(signIn(deps, { identifier: idNumber, password: 'wrong-again', ip: '203.0.113.9' }));
			expect([slowed.code, slowed.message]).toEqual(['rate_limited', 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau 1 giây.']);
			const home = await signIn(deps, { identifier: idNumber, password: PASSWORD, ip: '10.0.0.1' });
			expect(home.account.fullName).toBe('Phạm Thị Hoa');
		});

		it('counts the ID number and the phone as one account, and the right password waits too', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			for (let i = 0; i < PAIR.free; i++) {
				const identifier = i % 2 ? PHONE : idNumber;
				expect((await accountError(signIn(deps, { identifier, password: `wrong-${i}`, ip: '10.0.0.2' }))).code).toBe('invalid_credentials');
			}
			// Even the right password waits: otherwise the refusal itself would tell a guess right.
			expect((await accountError(signIn(deps, { identifier: PHONE, password: PASSWORD, ip: '10.0.0.2' }))).code).toBe('rate_limited');
			deps.advance(1000);
			expect((await accountError(signIn(deps, { identifier: PHONE, password: 'wrong', ip: '10.0.0.2' }))).code).toBe('invalid_credentials');
			// The next one waits twice as long.
			deps.advance(1000);
			const waiting = await accountError(signIn(deps, { identifier: idNumber, password: PASSWORD, ip: '10.0.0.2' }));
			expect(waiting.retryAfterSeconds).toBe(1);
			deps.advance(1000);
			await signIn(deps, { identifier: idNumber, password: PASSWORD, ip: '10.0.0.2' });
			// A success clears the delay.
			expect((await accountError(signIn(deps, { identifier: idNumber, password: 'wrong', ip: '10.0.0.2' }))).code).toBe('invalid_credentials');
		});

		it('slows guessing from many addresses to at most a minute, never locks the owner out', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const all = signInBackoff.perAccount;
			for (let i = 0; i < all.free + 12; i++) {
				if (i) deps.advance(all.capMs);
				await accountError(signIn(deps, { identifier: idNumber, password: `wrong-${i}`, ip: `198.51.${i >> 8}.${i & 255}` }));
			}
			const owner = await accountError(signIn(deps, { identifier: idNumber, password: PASSWORD, ip: '10.0.0.3' }));
			expect(owner.code).toBe('rate_limited');
			expect(owner.retryAfterSeconds).toBe(60);
			deps.advance(all.capMs);
			await signIn(deps, { identifier: idNumber, password: PASSWORD, ip: '10.0.0.3' });
		});

		it('does not count successful sign-ins against the address (many people behind one carrier address)', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const limit = rateLimits.signInFailuresPerAddress.limit;
			for (let i = 0; i < limit + 5; i++) await signIn(deps, { identifier: i % 2 ? PHONE : idNumber, password: PASSWORD, ip: '100.64.0.1' });
			// Failures do count: guessing many accounts from one address is stopped.
			for (let i = 0; i < limit; i++) await accountError(signIn(deps, { identifier: `0010990${String(i).padStart(5, '0')}`, password: 'x', ip: '100.64.0.1' }));
			const stopped = await accountError(signIn(deps, { identifier: idNumber, password: PASSWORD, ip: '100.64.0.1' }));
			expect(stopped.code).toBe('rate_limited');
			expect(stopped.message).toMatch(/thử lại sau \d+ phút/);
		});

		it('lets one of two parallel attempts through once the delay applies', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			for (let i = 0; i < PAIR.free; i++) await accountError(signIn(deps, { identifier: idNumber, password: `wrong-${i}`, ip: '10.0.0.4' }));
			deps.advance(1000);
			const answers = await Promise.all([0, 1, 2].map((i) => accountError(signIn(deps, { identifier: idNumber, password: `guess-${i}`, ip: '10.0.0.4' }))));
			expect(answers.map((a) => a.code).sort()).toEqual(['invalid_credentials', 'rate_limited', 'rate_limited']);
		});
	});
});
