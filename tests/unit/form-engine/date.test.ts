import { describe, expect, it } from 'vitest';
import { normalizeDate, parseDate, validateDate, vietnamToday } from '$lib/domain/validators/date';

const today = new Date('2025-09-15T03:00:00Z'); // 15/09/2025 in Vietnam

describe('validateDate', () => {
	it('accepts real dates in the usual typed forms', () => {
		for (const s of ['05/03/2024', '5/3/2024', '05-03-2024', '05.03.2024', '29/02/2024'])
			expect(validateDate(s), s).toBeNull();
	});

	it('refuses days that are not in the calendar', () => {
		expect(validateDate('31/02/2024')).toBe('Ngày 31/02 không có trong lịch');
		expect(validateDate('31/04/2024')).toBe('Ngày 31/04 không có trong lịch');
		expect(validateDate('29/02/2023')).toBe('Ngày 29/02 không có trong lịch năm 2023 (năm không nhuận)');
		expect(validateDate('29/02/1900')).toMatch(/năm không nhuận/); // century rule
		expect(validateDate('29/02/2000')).toBeNull(); // 400-year rule
		expect(validateDate('12/13/2024')).toMatch(/Tháng 13 không có trong lịch/);
		expect(validateDate('00/01/2024')).toBe('Ngày 00/01 không có trong lịch');
	});

	it('asks for day/month/year when the format is wrong', () => {
		expect(validateDate('2024-03-05')).toMatch(/ngày\/tháng\/năm, ví dụ 05\/03\/2024/);
		expect(validateDate('5 tháng 3')).toMatch(/ngày\/tháng\/năm/);
	});

	it('keeps years between 1900 and 2100', () => {
		expect(validateDate('01/01/1899')).toMatch(/từ 1900 đến 2100 \(đang là 1899\)/);
		expect(validateDate('01/01/2101')).toMatch(/đang là 2101/);
	});

	it('applies past/future against today in Vietnam time', () => {
		expect(validateDate('15/09/2025', { range: 'past', today })).toBeNull();
		expect(validateDate('16/09/2025', { range: 'past', today })).toBe(
			'Ngày 16/09/2025 chưa tới; hãy nhập ngày từ hôm nay (15/09/2025) trở về trước'
		);
		expect(validateDate('14/09/2025', { range: 'future', today })).toMatch(/đã qua/);
		expect(validateDate('15/09/2025', { range: 'future', today })).toBeNull();
	});

	it('uses the Vietnamese calendar day, not the device zone', () => {
		// 20:00 UTC on 14/09 is already 03:00 on 15/09 in Vietnam.
		expect(vietnamToday(new Date('2025-09-14T20:00:00Z'))).toEqual({ day: 15, month: 9, year: 2025 });
		expect(validateDate('15/09/2025', { range: 'past', today: new Date('2025-09-14T20:00:00Z') })).toBeNull();
	});

	it('validates year-only answers', () => {
		expect(validateDate('1988', { yearOnly: true, range: 'past', today })).toBeNull();
		expect(validateDate('88', { yearOnly: true })).toBe('Hãy nhập năm gồm 4 chữ số, ví dụ 1990');
		expect(validateDate('2026', { yearOnly: true, range: 'past', today })).toMatch(/Năm 2026 chưa tới/);
	});
});

describe('normalizeDate', () => {
	it('writes dd/mm/yyyy', () => {
		expect(normalizeDate('5/3/2024')).toBe('05/03/2024');
		expect(normalizeDate('05-03-2024')).toBe('05/03/2024');
		expect(normalizeDate('2024-03-05')).toBe('05/03/2024');
		expect(normalizeDate('31/02/2024')).toBeNull();
		expect(parseDate('29/02/2023')).toBeNull();
	});
});
