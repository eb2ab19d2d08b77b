import { describe, expect, it } from 'vitest';
import { MOBILE_PREFIXES, normalizePhone, validatePhone } from '$lib/domain/validators/phone';
import { validateEmail } from '$lib/domain/validators/email';

describe('validatePhone', () => {
	it.each(['0912345678', '0912 345 678', '0912.345.678', '091-234-5678', '+84 912 345 678', '84912345678', '0325123456'])(
		'accepts %s',
		(n) => expect(validatePhone(n)).toBeNull()
	);

	it('names a prefix that is not a mobile prefix', () => {
		expect(validatePhone('0123456789')).toBe(
			'Đầu số 012 không phải đầu số di động Việt Nam; hãy soát lại số, ví dụ 0912 345 678'
		);
		expect(validatePhone('0951234567')).toMatch(/Đầu số 095/);
	});

	it('tells the new number for an old 11-digit one', () => {
		expect(validatePhone('01234567890')).toMatch(/đầu 0123 đã đổi sang đầu 083.*hãy nhập 0834567890/);
	});

	it('counts the digits and refuses letters', () => {
		expect(validatePhone('091234567')).toBe('Số di động phải có 10 chữ số (đang có 9)');
		expect(validatePhone('09123456a8')).toMatch(/chỉ gồm chữ số/);
		expect(validatePhone('912345678')).toMatch(/bắt đầu bằng 0 hoặc \+84/);
	});

	it('agrees with the reference regex for every listed prefix', () => {
		const regex = /^(?:\+84|84|0)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$/;
		for (const prefix of Object.values(MOBILE_PREFIXES).flat()) {
			const n = `${prefix}1234567`;
			expect(regex.test(n), n).toBe(true);
			expect(validatePhone(n), n).toBeNull();
		}
	});

	it('normalizes to the national form', () => {
		expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
		expect(normalizePhone('84912345678')).toBe('0912345678');
		expect(normalizePhone('0912.345.678')).toBe('0912345678');
		expect(normalizePhone('12345')).toBeNull();
	});
});

describe('validateEmail', () => {
	it('accepts ordinary addresses', () => {
		expect(validateEmail('hoa.nguyen@gmail.com')).toBeNull();
		expect(validateEmail(' mot.cua@hanoi.gov.vn ')).toBeNull();
	});
	it('says what is wrong', () => {
		expect(validateEmail('hoa.nguyen.gmail.com')).toMatch(/thiếu dấu @/);
		expect(validateEmail('hoa nguyen@gmail.com')).toMatch(/dấu cách/);
		expect(validateEmail('hoa@gmail')).toMatch(/Tên miền "gmail"/);
		expect(validateEmail('@gmail.com')).toMatch(/Phần trước dấu @/);
		expect(validateEmail(`${'a'.repeat(250)}@x.vn`)).toMatch(/tối đa 254 ký tự \(đang có 255\)/);
	});
});
