/**
 * The schema of data/holidays/<year>.json (classic zod): checked when the app is built
 * and when the server starts (src/lib/server/holidays-check.ts, from the server's init, which
 * prerendering runs too) and by the unit tests, never on a phone — the shipped data is the data that was checked.
 */
import { z } from 'zod';
import { isWeekend } from './calendar';
import { toDayNumber } from './time';
import { isoDateSchema } from './wire/primitives';

const namedDate = { date: isoDateSchema, name: z.string().min(1) };

/** One year of official days off for the public sector (one-stop desks). See data/holidays/SOURCES.md. */
export const holidayCalendarSchema = z
	.strictObject({
		year: z.number().int().min(2000).max(2100),
		source: z.array(z.string().min(1)).min(1),
		note: z.string().optional(),
		/** Weekdays the desks are closed: holidays, nghỉ bù, swapped days. Weekends are implicit. */
		daysOff: z.array(
			z.strictObject({
				...namedDate,
				/** Derived from the law and precedent; the Government has not announced it yet. */
				provisional: z.boolean().optional(),
				note: z.string().optional()
			})
		),
		/** Saturdays/Sundays worked in exchange for a swapped weekday (làm bù). */
		workingWeekends: z.array(z.strictObject(namedDate)).default([])
	})
	.superRefine((cal, ctx) => {
		const seen = new Set<string>();
		const check = (list: { date: string }[], key: 'daysOff' | 'workingWeekends') =>
			list.forEach(({ date }, i) => {
				const path = [key, i, 'date'];
				if (!date.startsWith(`${cal.year}-`))
					ctx.addIssue({ code: 'custom', path, message: `ngày ${date} không thuộc năm ${cal.year}` });
				if (seen.has(date)) ctx.addIssue({ code: 'custom', path, message: `ngày ${date} bị lặp` });
				seen.add(date);
				if (toDayNumber(date) === null) return; // already reported by isoDateSchema
				const weekend = isWeekend(date);
				// A weekend "day off" or a weekday "working weekend" is a typo that would silently shift dates.
				if (key === 'daysOff' && weekend)
					ctx.addIssue({ code: 'custom', path, message: `${date} là ngày cuối tuần, không cần khai báo ngày nghỉ` });
				if (key === 'workingWeekends' && !weekend)
					ctx.addIssue({ code: 'custom', path, message: `${date} không phải thứ Bảy hay Chủ nhật` });
			});
		check(cal.daysOff, 'daysOff');
		check(cal.workingWeekends, 'workingWeekends');
	});
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

