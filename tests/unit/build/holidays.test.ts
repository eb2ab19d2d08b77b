/**
 * Issue 13: the browser's copy of the holiday calendar (scripts/holidays.js) keeps what counting
 * working days needs and drops the sources and notes, which only the server's copy keeps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browserCalendar, holidaysForBrowser } from '../../../scripts/holidays.js';
import { appointmentDate, createCalendar, isWorkingDay, type HolidayCalendarInput } from '$lib/domain/calendar';

const files = readdirSync('data/holidays').filter((f) => f.endsWith('.json'));
const read = (f: string) => readFileSync(`data/holidays/${f}`, 'utf8');
const transform = (code: string, id: string, ssr: boolean) =>
	(holidaysForBrowser().transform as (c: string, i: string, o: { ssr: boolean }) => { code: string } | null)(code, id, { ssr });

describe('the holiday calendar in the browser', () => {
	it('keeps the date of each day off and working weekend, and nothing else', () => {
		for (const f of files) {
			const full = JSON.parse(read(f)) as HolidayCalendarInput;
			const kept = browserCalendar(full);
			expect(Object.keys(kept).sort()).toEqual(['daysOff', 'workingWeekends', 'year']);
			expect(kept.daysOff).toEqual(full.daysOff.map((d) => ({ date: d.date })));
			expect(kept.workingWeekends).toEqual((full.workingWeekends ?? []).map((d) => ({ date: d.date })));
			expect(JSON.stringify(kept)).not.toMatch(/Bộ luật|provisional|note|name|Tết/);
		}
	});

	it('counts the same working days as the whole files', () => {
		const whole = createCalendar(files.map((f) => JSON.parse(read(f))));
		const kept = createCalendar(files.map((f) => browserCalendar(JSON.parse(read(f)))));
		for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1) - 86_400_000 * 40; day += 86_400_000) {
			const date = new Date(day).toISOString().slice(0, 10);
			expect(isWorkingDay(kept, date)).toBe(isWorkingDay(whole, date));
			expect(appointmentDate(kept, new Date(day), { kind: 'working-days', days: 15 })).toBe(
				appointmentDate(whole, new Date(day), { kind: 'working-days', days: 15 })
			);
		}
	});

	it('is what the browser build gets; the server build and other JSON files are left alone', () => {
		const code = read(files[0]);
		const out = transform(code, `/app/data/holidays/${files[0]}`, false);
		expect(JSON.parse(out!.code)).toEqual(browserCalendar(JSON.parse(code)));
		expect(transform(code, `/app/data/holidays/${files[0]}`, true)).toBeNull();
		expect(transform('{"a":1}', '/app/data/units/current.json', false)).toBeNull();
		// What it saves the procedure page, compressed.
		const all = files.map((f) => read(f));
		const before = gzipSync(JSON.stringify(all.map((c) => JSON.parse(c)))).length;
		const after = gzipSync(JSON.stringify(all.map((c) => browserCalendar(JSON.parse(c))))).length;
		expect(after).toBeLessThan(before / 4);
	});
});
