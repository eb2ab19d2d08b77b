import { describe, expect, it } from 'vitest';
import {
	CalendarCoverageError,
	addWorkingDays,
	appointmentDate,
	createCalendar,
	dayOffName,
	effectiveReceiptDate,
	formatVietnameseDate,
	isWorkingDay
} from '$lib/domain/calendar';
import { vietnamDate } from '$lib/domain/time';
import type { ProcessingTime } from '$lib/domain/procedure';
import y2026 from '../../../data/holidays/2026.json';
import y2027 from '../../../data/holidays/2027.json';

const cal = createCalendar([y2026, y2027]);

/** An instant given as Vietnam wall-clock time, e.g. vn('2026-03-13 14:59'). */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const days = (n: number): ProcessingTime => ({ kind: 'working-days', days: n });
const sameDay = (cutoffHour = 15): ProcessingTime => ({ kind: 'same-day', cutoffHour });

describe('vietnamDate', () => {
	it('shifts a UTC instant to UTC+7 wall-clock time', () => {
		expect(vietnamDate(new Date('2026-03-02T08:30:00Z'))).toEqual({ date: '2026-03-02', hour: 15, minute: 30 });
	});
	it('rolls over to the next Vietnamese day before UTC midnight', () => {
		expect(vietnamDate(new Date('2026-03-01T17:30:00Z'))).toEqual({ date: '2026-03-02', hour: 0, minute: 30 });
		expect(vietnamDate(new Date('2026-12-31T17:00:00Z')).date).toBe('2027-01-01');
	});
	it('rejects an invalid Date', () => {
		expect(() => vietnamDate(new Date('nope'))).toThrow(RangeError);
	});
});

describe('isWorkingDay', () => {
	it.each([
		['2026-02-23', true], // Monday after Tết
		['2026-02-17', false], // mùng 1 Tết Bính Ngọ
		['2026-03-14', false], // ordinary Saturday
		['2026-03-15', false], // ordinary Sunday
		['2026-01-10', true], // Saturday worked for the 02/01 swap
		['2026-08-22', true], // Saturday worked for the 31/08 swap
		['2026-04-27', false], // nghỉ bù Giỗ Tổ (26/04 is a Sunday)
		['2027-05-03', false], // nghỉ bù 1/5/2027 (a Saturday)
		['2027-04-16', false] // Giỗ Tổ 2027
	])('%s → %s', (date, expected) => {
		expect(isWorkingDay(cal, date)).toBe(expected);
	});
	it('names the holiday', () => {
		expect(dayOffName(cal, '2026-09-02')).toBe('Quốc khánh');
		expect(dayOffName(cal, '2026-09-03')).toBeUndefined();
	});
	it('refuses to guess for a year that is not loaded', () => {
		expect(() => isWorkingDay(cal, '2028-01-03')).toThrow(CalendarCoverageError);
		expect(() => isWorkingDay(createCalendar([y2026]), '2027-01-04')).toThrow(/năm 2027/);
	});
	it('rejects malformed dates', () => {
		expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
		expect(() => isWorkingDay(cal, '23/02/2026')).toThrow(RangeError);
	});
});

describe('addWorkingDays', () => {
	it('counts from the day after and skips weekends', () => {
		expect(addWorkingDays(cal, '2026-03-12', 3)).toBe('2026-03-17');
	});
	it('0 days is the day itself; negative or fractional counts are refused', () => {
		expect(addWorkingDays(cal, '2026-03-12', 0)).toBe('2026-03-12');
		expect(() => addWorkingDays(cal, '2026-03-12', -1)).toThrow(RangeError);
		expect(() => addWorkingDays(cal, '2026-03-12', 1.5)).toThrow(RangeError);
	});
	it('throws when the count runs past the loaded years', () => {
		// Fri 31/12/2027 + 1 → a day in 2028, which is not loaded.
		expect(() => addWorkingDays(cal, '2027-12-31', 1)).toThrow(CalendarCoverageError);
	});
});

describe('appointmentDate, N working days', () => {
	it('ordinary weekday morning', () => {
		expect(appointmentDate(cal, vn('2026-03-10 09:00'), days(3))).toBe('2026-03-13');
	});
	it('Friday 14:59 is received that Friday; 15:00 counts as Monday', () => {
		expect(appointmentDate(cal, vn('2026-03-13 14:59'), days(1))).toBe('2026-03-16');
		expect(appointmentDate(cal, vn('2026-03-13 15:00'), days(1))).toBe('2026-03-17');
		expect(appointmentDate(cal, vn('2026-03-13 14:59'), days(3))).toBe('2026-03-18');
		expect(appointmentDate(cal, vn('2026-03-13 15:00'), days(3))).toBe('2026-03-19');
	});
	it('Saturday and Sunday receipt counts as Monday', () => {
		expect(effectiveReceiptDate(cal, vn('2026-03-14 10:00'))).toBe('2026-03-16');
		expect(appointmentDate(cal, vn('2026-03-14 10:00'), days(1))).toBe('2026-03-17');
		expect(appointmentDate(cal, vn('2026-03-15 08:00'), days(1))).toBe('2026-03-17');
	});
	it('UTC+7 boundary: 08:30Z is 15:30 in Vietnam, so after the cut-off', () => {
		expect(appointmentDate(cal, new Date('2026-03-02T08:30:00Z'), days(1))).toBe('2026-03-04');
		expect(appointmentDate(cal, new Date('2026-03-02T07:59:59Z'), days(1))).toBe('2026-03-03');
	});
	it('across Tết 2026 (off 16–20/02)', () => {
		expect(appointmentDate(cal, vn('2026-02-13 10:00'), days(5))).toBe('2026-02-27');
		expect(appointmentDate(cal, vn('2026-02-13 16:00'), days(5))).toBe('2026-03-02');
		expect(effectiveReceiptDate(cal, vn('2026-02-18 09:00'))).toBe('2026-02-23');
	});
	it('across Tết 2027 (provisional: off 04–10/02)', () => {
		expect(appointmentDate(cal, vn('2027-02-03 10:00'), days(2))).toBe('2027-02-12');
	});
	it('across Giỗ Tổ 2026 with its nghỉ bù, and 30/4–1/5', () => {
		expect(appointmentDate(cal, vn('2026-04-24 10:00'), days(1))).toBe('2026-04-28');
		expect(appointmentDate(cal, vn('2026-04-29 10:00'), days(1))).toBe('2026-05-04');
		expect(appointmentDate(cal, vn('2027-04-29 10:00'), days(1))).toBe('2027-05-04');
	});
	it('across Quốc khánh 2026 and its swapped Saturday', () => {
		expect(appointmentDate(cal, vn('2026-08-28 10:00'), days(1))).toBe('2026-09-03');
		expect(appointmentDate(cal, vn('2026-08-21 10:00'), days(1))).toBe('2026-08-22');
	});
	it('across New Year 2026 → 2027', () => {
		expect(appointmentDate(cal, vn('2026-12-31 10:00'), days(1))).toBe('2027-01-04');
		expect(appointmentDate(cal, vn('2026-12-31 16:00'), days(1))).toBe('2027-01-05');
	});
	it('counts the Saturday 10/01/2026 worked for the New Year swap', () => {
		expect(appointmentDate(cal, vn('2026-01-08 10:00'), days(2))).toBe('2026-01-10');
	});
	it('throws instead of guessing outside the loaded years', () => {
		expect(() => appointmentDate(cal, vn('2025-12-30 10:00'), days(1))).toThrow(CalendarCoverageError);
		expect(() => appointmentDate(cal, vn('2027-12-30 10:00'), days(3))).toThrow(/năm 2028/);
	});
});

describe('appointmentDate, same day', () => {
	it('before 15:00 on a working day → that day', () => {
		expect(appointmentDate(cal, vn('2026-03-02 14:00'), sameDay())).toBe('2026-03-02');
	});
	it('at/after 15:00 → next working day (over the weekend from a Friday)', () => {
		expect(appointmentDate(cal, vn('2026-03-02 15:00'), sameDay())).toBe('2026-03-03');
		expect(appointmentDate(cal, vn('2026-03-13 15:30'), sameDay())).toBe('2026-03-16');
	});
	it('uses the procedure’s own cut-off hour', () => {
		expect(appointmentDate(cal, vn('2026-03-02 11:00'), sameDay(11))).toBe('2026-03-03');
		expect(appointmentDate(cal, vn('2026-03-02 10:59'), sameDay(11))).toBe('2026-03-02');
	});
	it('received on a working Saturday → that Saturday', () => {
		expect(appointmentDate(cal, vn('2026-08-22 09:00'), sameDay())).toBe('2026-08-22');
	});
});

describe('formatVietnameseDate', () => {
	it.each([
		['2026-02-23', 'Thứ Hai, 23/02/2026'],
		['2026-03-01', 'Chủ nhật, 01/03/2026'],
		['2027-02-06', 'Thứ Bảy, 06/02/2027']
	])('%s → %s', (date, text) => {
		expect(formatVietnameseDate(date)).toBe(text);
	});
});
