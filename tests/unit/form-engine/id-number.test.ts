import { describe, expect, it } from 'vitest';
import { BIRTH_PROVINCE_CODES, parseIdNumber, validateIdNumber } from '$lib/domain/validators/id-number';

describe('validateIdNumber (số định danh cá nhân / CCCD)', () => {
	it('accepts a well-formed number and reads its parts', () => {
		expect(validateIdNumber('001090012345')).toBeNull();
		expect(parseIdNumber('079305001234')).toEqual({ provinceCode: '079', sex: 'nu', birthYear: 2005 });
	});

	it('refuses letters and spaces', () => {
		expect(validateIdNumber('00109001234A')).toBe('Số định danh chỉ gồm chữ số, không có chữ cái hay dấu cách');
		expect(validateIdNumber('001 090 012345')).toMatch(/chỉ gồm chữ số/);
	});

	it('counts the digits when the length is wrong', () => {
		expect(validateIdNumber('00109001234')).toBe('Số CCCD/số định danh phải có đủ 12 chữ số (đang có 11)');
		expect(validateIdNumber('0010900123456')).toMatch(/đang có 13/);
	});

	it('explains that the 9-digit CMND is no longer valid', () => {
		expect(validateIdNumber('012345678')).toBe(
			'Chứng minh nhân dân 9 số không còn giá trị từ 01/01/2025 (Luật Căn cước 2023). Hãy nhập số định danh cá nhân 12 số'
		);
	});

	it('knows the 63 pre-2025 birth-registration province codes, with their gaps', () => {
		expect(BIRTH_PROVINCE_CODES.size).toBe(63);
		expect(BIRTH_PROVINCE_CODES.has('079')).toBe(true);
		expect(validateIdNumber('003090012345')).toMatch(/3 số đầu "003" không phải mã tỉnh/);
		expect(validateIdNumber('097090012345')).toMatch(/"097"/);
		expect(validateIdNumber('000090012345')).toMatch(/"000"/);
	});

	it('rejects a century digit that contradicts the declared birth year', () => {
		// 4th digit 2 = male born 2000–2099, but born 1990.
		const message = validateIdNumber('001290012345', { birthYear: 1990 });
		expect(message).toMatch(/Chữ số thứ 4 là 2/);
		expect(message).toMatch(/1990/);
		expect(validateIdNumber('001090012345', { birthYear: 1990 })).toBeNull();
	});

	it('rejects year digits that contradict the declared birth year', () => {
		expect(validateIdNumber('001091012345', { birthYear: 1990 })).toMatch(/thứ 5–6 là 91.*phải là 90/);
		expect(validateIdNumber('001205012345', { birthYear: 2005 })).toBeNull();
	});

	it('rejects a sex digit that contradicts the declared sex', () => {
		expect(validateIdNumber('001090012345', { sex: 'nu' })).toMatch(/giới tính nam.*đã khai là nữ/);
		expect(validateIdNumber('001190012345', { sex: 'nam' })).toMatch(/giới tính nữ.*đã khai là nam/);
		expect(validateIdNumber('001190012345', { sex: 'nu', birthYear: 1990 })).toBeNull();
	});

	it('rejects a number that encodes a birth year after this year', () => {
		expect(validateIdNumber('001299012345', { currentYear: 2025 })).toMatch(/năm sinh 2099, chưa tới/);
		expect(validateIdNumber('001225012345', { currentYear: 2025 })).toBeNull();
	});
});
