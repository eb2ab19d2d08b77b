import { describe, expect, it } from 'vitest';
import { changePassword, getSession, register, requestPasswordReset, RESET_REQUESTED, resetPassword, signIn } from '$lib/server/accounts';
import { listMailbox } from '$lib/server/messaging';
import { accountError, citizen, latestCode, makeDeps, otherCode, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const PASSWORD = citizen().password;
const NEW_PASSWORD = 'ruong-bac-thang-mu-cang-chai';
const PHONE = '0971234567';

describe('password reset and change', () => {
	forEachDatabase((t) => {
		it('answers a reset request the same way whether or not the account exists', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const before = (await listMailbox(deps.db)).length;
			expect(await requestPasswordReset(deps, { identifier: '001190001234' })).toEqual({ message: RESET_REQUESTED });
			expect(await requestPasswordReset(deps, { identifier: '001190009999' })).toEqual({ message: RESET_REQUESTED });
			expect(await requestPasswordReset(deps, { identifier: 'nonsense' })).toEqual({ message: RESET_REQUESTED });
			// Asked again at once: throttled for the real account, still the same answer.
			expect(await requestPasswordReset(deps, { identifier: '0971234567' })).toEqual({ message: RESET_REQUESTED });
			const sent = await listMailbox(deps.db);
			expect(sent.length - before).toBe(1);
			expect(sent[0].body).toMatch(/đặt lại mật khẩu/);
		});

		it('resets with the code, ends every session, and refuses the old password', async () => {
			const deps = makeDeps(t().db);
			await registerActive(deps);
			const { token } = await signIn(deps, { identifier: PHONE, password: PASSWORD, ip: '10.0.0.1' });
			await requestPasswordReset(deps, { identifier: PHONE });
			const code = await latestCode(deps.db, PHONE);
			const wrong = await accountError(resetPassword(deps, { identifier: PHONE, code: otherCode(code), newPassword: NEW_PASSWORD }));
			expect(wrong.code).toBe('code_invalid');
			const common = await accountError(resetPassword(deps, { identifier: PHONE, code, newPassword: 'matkhau123' }));
			expect(common.fields?.newPassword).toMatch(/phổ biến/);
			await resetPassword(deps, { identifier: PHONE, code, newPassword: NEW_PASSWORD });
			expect(await getSession(deps, token)).toBeNull();
			const old = await accountError(signIn(deps, { identifier: PHONE, password: PASSWORD, ip: '10.0.0.1' }));
			expect(old.code).toBe('invalid_credentials');
			await signIn(deps, { identifier: PHONE, password: NEW_PASSWORD, ip: '10.0.0.1' });
			const reused = await accountError(resetPassword(deps, { identifier: PHONE, code, newPassword: 'another-long-phrase' }));
			// Used, expired or wrong: by identifier the answer is one (it must not tell an account exists).
			expect(reused.code).toBe('code_invalid');
		});

		it('gives an unknown identifier the same wrong-code answer', async () => {
			const deps = makeDeps(t().db);
			const error = await accountError(resetPassword(deps, { identifier: '001190009999', code: '123456', newPassword: NEW_PASSWORD }));
			expect(error.code).toBe('code_invalid');
		});

		it('activates a pending account whose owner resets the password (the code proves the phone)', async () => {
			const deps = makeDeps(t().db);
			const { accountId } = await register(deps, citizen());
			deps.advance(61_000);
			await requestPasswordReset(deps, { identifier: PHONE });
			await resetPassword(deps, { identifier: PHONE, code: await latestCode(deps.db, PHONE), newPassword: NEW_PASSWORD });
			const { status } = await deps.db.selectFrom('accounts').select('status').where('id', '=', accountId).executeTakeFirstOrThrow();
			expect(status).toBe('active');
		});

		it('changes the password after checking the current one, keeping only the current session', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			const here = (await signIn(deps, { identifier: PHONE, password: PASSWORD, ip: '10.0.0.1' })).token;
			const elsewhere = (await signIn(deps, { identifier: PHONE, password: PASSWORD, ip: '10.0.0.2' })).token;
			const wrong = await accountError(changePassword(deps, { accountId, currentPassword: 'nope-nope-nope', newPassword: NEW_PASSWORD }));
			expect(wrong.fields).toEqual({ currentPassword: 'Mật khẩu hiện tại không đúng' });
			const same = await accountError(changePassword(deps, { accountId, currentPassword: PASSWORD, newPassword: PASSWORD }));
			expect(same.fields?.newPassword).toBe('Mật khẩu mới phải khác mật khẩu hiện tại');
			const weak = await accountError(changePassword(deps, { accountId, currentPassword: PASSWORD, newPassword: 'anhyeuem123' }));
			expect(weak.fields?.newPassword).toMatch(/phổ biến/);
			await changePassword(deps, { accountId, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepToken: here });
			expect(await getSession(deps, here)).not.toBeNull();
			expect(await getSession(deps, elsewhere)).toBeNull();
			await signIn(deps, { identifier: PHONE, password: NEW_PASSWORD, ip: '10.0.0.1' });
		});
	});
});
