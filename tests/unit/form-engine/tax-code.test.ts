import { describe, expect, it } from 'vitest';
import { taxCodeCheckDigit, validateTaxCode } from '$lib/domain/validators/tax-code';

describe('validateTaxCode (mã số thuế)', () => {
	it('computes the check digit with weights 31,29,23,19,17,13,7,5,3', () => {
		// 0*31+3*29+1*23+4*19+4*17+0*13+9*7+0*5+5*3 = 332; 332 mod 11 = 2; 10 − 2 = 8
		expect(taxCodeCheckDigit('031440905')).toBe(8);
		expect(taxCodeCheckDigit('010010910')).toBe(6);
		// sum ≡ 0 (mod 11) would need a check digit of 10: no such MST exists.
		expect(taxCodeCheckDigit('010000005')).toBeNull();
	});

	it('accepts 10-digit codes with the right check digit', () => {
		expect(validateTaxCode('0314409058')).toBeNull();
		expect(validateTaxCode('0100109106')).toBeNull();
	});

	it('rejects a wrong check digit and impossible prefixes', () => {
		expect(validateTaxCode('0314409057')).toBe(
			'Mã số thuế 0314409057 không đúng (sai chữ số kiểm tra); hãy soát lại từng chữ số'
		);
		expect(validateTaxCode('0100000050')).toMatch(/sai chữ số kiểm tra/);
		expect(validateTaxCode('0100000003')).toMatch(/7 số giữa/);
	});

	it('accepts branch codes with or without the dash when the parent code is valid', () => {
		expect(validateTaxCode('0314409058-001')).toBeNull();
		expect(validateTaxCode('0314409058001')).toBeNull();
		expect(validateTaxCode('0314409057-001')).toMatch(/sai chữ số kiểm tra/);
		expect(validateTaxCode('0314409058-000')).toMatch(/001 đến 999/);
	});

	it('accepts a 12-digit personal ID as MST (TT 86/2024/TT-BTC) and checks it as one', () => {
		expect(validateTaxCode('001090012345')).toBeNull();
		expect(validateTaxCode('003090012345')).toMatch(/^Mã số thuế 12 số là số định danh cá nhân: 3 số đầu/);
	});

	it('explains the accepted lengths and characters', () => {
		expect(validateTaxCode('03144090')).toMatch(/đang có 8 chữ số/);
		expect(validateTaxCode('03144O9058')).toMatch(/chỉ gồm chữ số/);
	});
});
