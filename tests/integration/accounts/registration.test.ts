import { describe, expect, it } from 'vitest';
import { register } from '$lib/server/accounts';
import { listMailbox } from '$lib/server/messaging';
import { accountError, citizen, makeDeps } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

describe('registration', () => {
	forEachDatabase((t) => {
		it('creates a pending citizen and sends a 6-digit code to the phone', async () => {
			const deps = makeDeps(t().db, { realPasswordCost: true });
			const result = await register(deps, citizen());
			expect(result).toMatchObject({ channel: 'sms', sentTo: '097****567', expiresAt: '2026-03-02T02:10:00.000Z' });
			const account = await t().db.selectFrom('accounts').selectAll().where('id', '=', result.accountId).executeTakeFirstOrThrow();
			expect(account).toMatchObject({ role: 'citizen', status: 'pending', phone: '0971234567', date_of_birth: '1990-04-12', sex: 'nu' });
			expect(account.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);
			expect(JSON.parse(account.permanent_address!)).toMatchObject({ provinceCode: '01', communeCode: '00004' });
			const [message] = await listMailbox(t().db, { recipient: '0971234567' });
			expect(message.body).toMatch(/\b\d{6}\b/);
			const code = await t().db.selectFrom('one_time_codes').selectAll().executeTakeFirstOrThrow();
			expect(code.code_hash).not.toContain(message.body.match(/\d{6}/)![0]);
		});

		it('sends the code by e-mail when asked', async () => {
			const deps = makeDeps(t().db);
			const result = await register(deps, citizen({ channel: 'email' }));
			expect(result).toMatchObject({ channel: 'email', sentTo: 'h***@example.vn' });
			expect(await listMailbox(t().db, { recipient: 'hoa@example.vn' })).toHaveLength(1);
		});

		it('refuses a second account with the same ID number or phone, naming the field', async () => {
			const deps = makeDeps(t().db);
			await register(deps, citizen());
			const sameId = await accountError(register(deps, citizen({ phone: '0971000000' })));
			expect(sameId.code).toBe('duplicate');
			expect(sameId.fields?.idNumber).toMatch(/Số CCCD này đã được dùng/);
			expect(sameId.fields?.phone).toBeUndefined();
			const samePhone = await accountError(register(deps, citizen({ idNumber: '001190009999', phone: '+84971234567' })));
			expect(samePhone.fields).toEqual({ phone: expect.stringMatching(/Số điện thoại này đã được dùng/) });
		});

		it('refuses common passwords, including Vietnamese ones, and passwords made of personal numbers', async () => {
			const deps = makeDeps(t().db);
			for (const password of ['123456789', 'anhyeuem', 'MatKhau123', 'password1']) {
				const error = await accountError(register(deps, citizen({ password })));
				expect(error.fields?.password).toMatch(/mật khẩu phổ biến/);
			}
			const personal = await accountError(register(deps, citizen({ password: 'x001190001234' })));
			expect(personal.fields?.password).toMatch(/không được chứa số CCCD/);
			const short = await accountError(register(deps, citizen({ password: 'abc' })));
			expect(short.fields?.password).toBe('Mật khẩu phải có ít nhất 8 ký tự');
			expect(await t().db.selectFrom('accounts').select('id').execute()).toEqual([]);
		});

		it('explains a bad ID number, date of birth or missing e-mail in Vietnamese', async () => {
			const deps = makeDeps(t().db);
			const short = await accountError(register(deps, citizen({ idNumber: '00119000123' })));
			expect(short.code).toBe('invalid_input');
			expect(short.fields?.idNumber).toBe('Số CCCD/số định danh phải có đủ 12 chữ số (đang có 11)');
			const mismatch = await accountError(register(deps, citizen({ dateOfBirth: '12/04/1991' })));
			expect(mismatch.fields?.idNumber).toMatch(/năm sinh đã khai là 1991/);
			const badDate = await accountError(register(deps, citizen({ dateOfBirth: '31/02/1990' })));
			expect(badDate.fields?.dateOfBirth).toMatch(/không có trong lịch/);
			const noEmail = await accountError(register(deps, citizen({ email: '', channel: 'email' })));
			expect(noEmail.fields?.email).toMatch(/e-mail để nhận mã/);
			const several = await accountError(register(deps, citizen({ phone: '12', sex: 'x' as never })));
			expect(Object.keys(several.fields ?? {}).sort()).toEqual(['phone', 'sex']);
			expect(several.message).toBe('Có 2 thông tin cần sửa');
		});
	});
});
