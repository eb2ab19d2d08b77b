import { describe, expect, it } from 'vitest';
import { registrationSchema, profileUpdateSchema } from '$lib/domain/account';
import { citizen } from '../../fixtures/citizen';

const complete = citizen();

/** field → message, as the register page shows them. */
function messages(input: unknown): Record<string, string> {
	const result = registrationSchema.safeParse(input);
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('registration schema', () => {
	it('gives every missing value of an empty form a Vietnamese message', () => {
		const found = messages({});
		for (const field of ['fullName', 'idNumber', 'dateOfBirth', 'sex', 'phone', 'permanentAddress', 'password', 'channel']) {
			expect(found[field], field).toBeTruthy();
		}
		for (const message of Object.values(found)) {
			expect(message).not.toMatch(/invalid|expected|received|undefined/i);
		}
		expect(found.permanentAddress).toMatch(/thường trú/);
	});

	it('an empty address object names the province and the commune in Vietnamese', () => {
		const found = messages({ ...complete, permanentAddress: {} });
		expect(found['permanentAddress.provinceCode']).toMatch(/tỉnh/);
		expect(found['permanentAddress.communeCode']).toMatch(/xã/);
	});

	it('checks the ID number against sex and birth year in the same round as the other fields', () => {
		// Another field is missing too: the cross-check must still speak now, not after the fix.
		const found = messages({ ...complete, sex: 'nam', permanentAddress: undefined, phone: '' });
		expect(found.phone).toBeTruthy();
		expect(found.permanentAddress).toBeTruthy();
		expect(found.idNumber).toMatch(/giới tính/);

		const year = messages({ ...complete, dateOfBirth: '12/04/1991', password: undefined });
		expect(year.password).toBeTruthy();
		expect(year.idNumber).toMatch(/năm sinh/);
	});

	it('checks the birth year even when sex is not chosen yet, without a second idNumber message', () => {
		const found = messages({ ...complete, sex: undefined, dateOfBirth: '12/04/1991' });
		expect(found.sex).toBeTruthy();
		expect(found.idNumber).toMatch(/năm sinh/);
		const bad = registrationSchema.safeParse({ ...complete, idNumber: '123' });
		expect(bad.success).toBe(false);
		expect(bad.error!.issues.filter((i) => i.path[0] === 'idNumber')).toHaveLength(1);
	});

	it('asks for the e-mail with the other errors when the code goes by e-mail', () => {
		const found = messages({ ...complete, email: '', channel: 'email', fullName: undefined });
		expect(found.fullName).toBeTruthy();
		expect(found.email).toMatch(/e-mail/);
	});

	it('accepts a complete, consistent registration', () => {
		expect(registrationSchema.safeParse(complete).success).toBe(true);
	});

	it('profile changes cross-check too, together with other errors', () => {
		const result = profileUpdateSchema.safeParse({ idNumber: '001190001234', dateOfBirth: '01/01/1991', phone: 'x', permanentAddress: null });
		expect(result.success).toBe(false);
		const paths = result.error!.issues.map((i) => i.path[0]);
		expect(paths).toContain('phone');
		expect(paths).toContain('idNumber');
	});
});
