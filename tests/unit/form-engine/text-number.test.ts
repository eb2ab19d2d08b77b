import { describe, expect, it } from 'vitest';
import { validateText } from '$lib/domain/validators/text';
import { validateNumber } from '$lib/domain/validators/number';
import { formatCount, labelInSentence } from '$lib/domain/validators/wording';

describe('validateText', () => {
	it('counts a 10,000-character paste against the limit', () => {
		expect(validateText('a'.repeat(10_000), { maxLength: 200 })).toBe('Tối đa 200 ký tự (đang có 10.000)');
		expect(validateText('a'.repeat(200), { maxLength: 200 })).toBeNull();
	});

	it('counts decomposed Vietnamese (NFD) as the letters a person sees', () => {
		const nfd = 'Nguyễn'.normalize('NFD');
		expect(nfd.length).toBeGreaterThan(6);
		expect(validateText(nfd, { maxLength: 6 })).toBeNull();
	});

	it('allows Vietnamese names, spaces, apostrophes and hyphens', () => {
		for (const name of ['Nguyễn Thị Hoà', 'Đặng Văn Ơn', "H'Hen Niê", 'Ksor Y-Blai', 'Lò Thị Ưng'])
			expect(validateText(name, { maxLength: 100, charset: 'name' }), name).toBeNull();
	});

	it('names the first character a name cannot have', () => {
		expect(validateText('Nguyen Van A1', { maxLength: 100, charset: 'name' })).toBe(
			`Chỉ dùng chữ cái, dấu cách, dấu ' hoặc dấu -; hãy bỏ ký tự "1"`
		);
		expect(validateText('Trần.Bình', { maxLength: 100, charset: 'name' })).toMatch(/"\."/);
	});

	it('allows only digits for digit fields', () => {
		expect(validateText('012345', { maxLength: 10, charset: 'digits' })).toBeNull();
		expect(validateText('01 23', { maxLength: 10, charset: 'digits' })).toMatch(/Chỉ nhập chữ số/);
	});
});

describe('validateNumber', () => {
	it('accepts plain digits for integers and checks the range', () => {
		expect(validateNumber('3', { min: 0, max: 10 })).toBeNull();
		expect(validateNumber('11', { min: 0, max: 10, unit: 'bản' })).toBe('Lớn nhất là 10 bản');
		expect(validateNumber('-1', { min: 0 })).toBe('Nhỏ nhất là 0');
	});

	it('explains the thousands dot and decimals on integer fields', () => {
		expect(validateNumber('1.000')).toBe('Chỉ nhập chữ số, không dùng dấu chấm ngăn cách hàng nghìn (ví dụ 1000)');
		expect(validateNumber('1,5')).toBe('Hãy nhập số nguyên, không có phần thập phân');
		expect(validateNumber('hai')).toMatch(/Chỉ nhập chữ số/);
	});

	it('accepts a decimal comma where decimals are allowed', () => {
		expect(validateNumber('1,5', { integer: false, max: 2 })).toBeNull();
		expect(validateNumber('2,5', { integer: false, max: 2 })).toBe('Lớn nhất là 2');
	});
});

describe('wording helpers', () => {
	it('groups thousands with dots and lowercases labels but not acronyms', () => {
		expect(formatCount(1_234_567)).toBe('1.234.567');
		expect(formatCount(999)).toBe('999');
		expect(labelInSentence('Họ, chữ đệm, tên')).toBe('họ, chữ đệm, tên');
		expect(labelInSentence('CCCD của mẹ')).toBe('CCCD của mẹ');
	});
});
