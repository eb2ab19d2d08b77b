import { describe, expect, it } from 'vitest';
import { createCalendar } from '$lib/domain/calendar';
import { holidayCalendarSchema } from '$lib/domain/calendar-schema';
import { checkHolidayData } from '$lib/server/holidays-check';
import y2026 from '../../../data/holidays/2026.json';
import y2027 from '../../../data/holidays/2027.json';

const base = { year: 2026, source: ['test'], daysOff: [], workingWeekends: [] };
const issues = (input: unknown) => {
	const r = holidayCalendarSchema.safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('data/holidays', () => {
	it.each([
		[2026, y2026],
		[2027, y2027]
	])('%i validates', (year, data) => {
		expect(holidayCalendarSchema.parse(data).year).toBe(year);
	});
	it('Tết 2026 is five weekdays off, matching the announced 14–22/02 break', () => {
		const tet = y2026.daysOff.filter((d) => d.date.startsWith('2026-02')).map((d) => d.date);
		expect(tet).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
	});
	it('every provisional 2027 day explains itself', () => {
		const provisional = y2027.daysOff.filter((d) => 'provisional' in d && d.provisional);
		expect(provisional.length).toBeGreaterThan(0);
		for (const d of provisional) expect('note' in d && d.note).toBeTruthy();
	});
});

describe('holidayCalendarSchema', () => {
	it('accepts a minimal year', () => {
		expect(issues(base)).toEqual([]);
	});
	it('rejects a day off on a weekend (the weekend is already off)', () => {
		expect(issues({ ...base, daysOff: [{ date: '2026-02-14', name: 'x' }] })[0]).toMatch(/cuối tuần/);
	});
	it('rejects a working weekend that is a weekday', () => {
		expect(issues({ ...base, workingWeekends: [{ date: '2026-01-09', name: 'x' }] })[0]).toMatch(/thứ Bảy/);
	});
	it('rejects a date from another year, a duplicate and a date that does not exist', () => {
		expect(issues({ ...base, daysOff: [{ date: '2027-01-01', name: 'x' }] })[0]).toMatch(/không thuộc năm 2026/);
		const dup = { date: '2026-01-01', name: 'x' };
		expect(issues({ ...base, daysOff: [dup, dup] })).toContain('ngày 2026-01-01 bị lặp');
		expect(issues({ ...base, daysOff: [{ date: '2026-02-30', name: 'x' }] })).toContain('ngày không tồn tại');
	});
	it('the server refuses to start (and the build to finish) with a bad holiday file', () => {
		expect(() => checkHolidayData({ '/data/holidays/2026.json': y2026 })).not.toThrow();
		expect(() => checkHolidayData({ '/data/holidays/2026.json': { ...base, daysOff: [{ date: '2026-02-14', name: 'x' }] } })).toThrow(/2026\.json.*cuối tuần/s);
	});
	it('createCalendar refuses the same year twice', () => {
		expect(() => createCalendar([base, base])).toThrow(/2026/);
	});
});
