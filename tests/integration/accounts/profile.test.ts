import { describe, expect, it } from 'vitest';
import { confirmIdNumberChange, signIn, updateProfile } from '$lib/server/accounts';
import { accountError, citizen, latestCode, makeDeps, otherCode, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const NEW_ID = '001190004321';

describe('profile', () => {
	forEachDatabase((t) => {
		it('updates name, e-mail and address at once', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			const { account, idNumberChange } = await updateProfile(deps, accountId, {
				fullName: '  Phạm   Thị Hoa Mai ',
				email: '',
				permanentAddress: { provinceCode: '01', communeCode: '00008', street: 'Số 9 Hoàng Hoa Thám' }
			});
			expect(account).toMatchObject({ fullName: 'Phạm Thị Hoa Mai', email: null, permanentAddress: { communeCode: '00008' } });
			expect(idNumberChange).toBeUndefined();
		});

		it('keeps the old ID number until the change-id code is confirmed', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			const { account, idNumberChange } = await updateProfile(deps, accountId, { idNumber: NEW_ID });
			expect(account).toMatchObject({ idNumber: '001190001234', pendingIdNumber: NEW_ID });
			expect(idNumberChange?.channel).toBe('sms');
			const code = await latestCode(deps.db, '0971234567');
			expect((await accountError(confirmIdNumberChange(deps, accountId, otherCode(code)))).code).toBe('code_invalid');
			const confirmed = await confirmIdNumberChange(deps, accountId, code);
			expect(confirmed).toMatchObject({ idNumber: NEW_ID, pendingIdNumber: null });
			await signIn(deps, { identifier: NEW_ID, password: citizen().password, ip: '10.0.0.1' });
			expect((await accountError(confirmIdNumberChange(deps, accountId, code))).message).toMatch(/Không có yêu cầu đổi số CCCD/);
		});

		it('refuses a phone number or ID number another account uses', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps);
			await registerActive(deps, { idNumber: '001090005678', dateOfBirth: '01/01/1990', sex: 'nam', phone: '0971000111' });
			const phone = await accountError(updateProfile(deps, accountId, { phone: '0971 000 111' }));
			expect(phone.fields).toEqual({ phone: expect.stringMatching(/đã được dùng/) });
			const id = await accountError(updateProfile(deps, accountId, { idNumber: '001090005678' }));
			expect(id.fields).toEqual({ idNumber: expect.stringMatching(/đã được dùng/) });
		});
	});
});
