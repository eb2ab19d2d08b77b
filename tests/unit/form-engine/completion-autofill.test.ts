import { describe, expect, it } from 'vitest';
import { applyAutofill, completion, emptyAnswers, validateAnswers } from '$lib/domain/form-engine';
import { TODAY, birthForm, validAnswers } from './birth-form.fixture';

describe('completion', () => {
	it('is 0 for a blank declaration and 100 for a complete one', () => {
		expect(completion(birthForm, emptyAnswers(birthForm), { today: TODAY })).toBe(0);
		expect(completion(birthForm, validAnswers(), { today: TODAY })).toBe(100);
	});

	it('counts only visible required fields that are filled and valid', () => {
		// 11 visible required fields; an invalid phone leaves 10 done → 90 %.
		expect(completion(birthForm, { ...validAnswers(), phone: '0123456789' }, { today: TODAY })).toBe(90);
		// Choosing "khác" shows a 12th required field, still empty → 11/12 → 91 %.
		expect(completion(birthForm, { ...validAnswers(), relationship: 'khac' }, { today: TODAY })).toBe(91);
		// An optional field with a bad value does not move the figure.
		expect(completion(birthForm, { ...validAnswers(), email: 'sai' }, { today: TODAY })).toBe(100);
	});
});

describe('emptyAnswers', () => {
	it('gives each stored field its empty value and skips derived fields', () => {
		const empty = emptyAnswers(birthForm);
		expect(empty.fullName).toBe('');
		expect(empty.wantsInvoice).toBe(false);
		expect(empty.residence).toBeNull();
		expect(empty.birthCertificate).toEqual([]);
		expect(empty.children).toEqual([]);
		expect('childDateOfBirthInWords' in empty).toBe(false);
	});
});

describe('applyAutofill', () => {
	const profile = {
		fullName: 'Nguyễn Thị Hoà',
		dateOfBirth: '1990-07-12',
		sex: 'nu',
		idNumber: '001190012345',
		phone: '0912345678',
		email: 'hoa.nguyen@gmail.com',
		currentAddress: { provinceCode: '01', communeCode: '00004', street: 'Số 5, ngõ 12 Trúc Bạch' }
	};

	it('fills empty fields from the profile in the shape the field stores', () => {
		const { answers, filled } = applyAutofill(birthForm, profile, emptyAnswers(birthForm));
		expect(filled).toEqual(['fullName', 'dateOfBirth', 'sex', 'idNumber', 'phone', 'email', 'residence']);
		expect(answers.dateOfBirth).toBe('12/07/1990');
		expect(answers.residence).toEqual(profile.currentAddress);
		expect(answers.residence).not.toBe(profile.currentAddress);
		// The filled part now validates: only the declarant's own fields were filled.
		const paths = validateAnswers(birthForm, answers, { today: TODAY }).errors.map((e) => e.path);
		expect(paths).not.toContain('idNumber');
		expect(paths).toContain('childFullName');
	});

	it("offers the account's permanent address for 'Nơi cư trú' when no current address is saved", () => {
		const { currentAddress, ...account } = { ...profile, permanentAddress: { provinceCode: '37', communeCode: '14359', street: 'Thôn Đông' } };
		const { answers, filled } = applyAutofill(birthForm, account, emptyAnswers(birthForm));
		expect(filled).toContain('residence');
		expect(answers.residence).toEqual(account.permanentAddress);
		// A saved current address still wins over the permanent one.
		expect(applyAutofill(birthForm, { ...account, currentAddress }, emptyAnswers(birthForm)).answers.residence).toEqual(currentAddress);
	});

	it('never overwrites what the person typed', () => {
		const typed: Record<string, unknown> = { ...emptyAnswers(birthForm), fullName: 'Nguyễn Thị Hòa', phone: '0987 654 321' };
		const { answers, filled } = applyAutofill(birthForm, profile, typed);
		expect(answers.fullName).toBe('Nguyễn Thị Hòa');
		expect(answers.phone).toBe('0987 654 321');
		expect(filled).not.toContain('fullName');
		expect(filled).not.toContain('phone');
		expect(typed.dateOfBirth).toBe(''); // input not mutated
	});

	it('skips profile values that do not fit the field', () => {
		const { filled } = applyAutofill(
			birthForm,
			{ sex: 'female', dateOfBirth: '31/02/1990', currentAddress: 'Hà Nội' },
			emptyAnswers(birthForm)
		);
		expect(filled).toEqual([]);
	});
});
