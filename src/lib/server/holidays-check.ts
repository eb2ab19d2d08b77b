/**
 * The holiday files the app was built with, checked again when the server starts (prerendering
 * runs the same init, so a build with a bad file fails): a wrong day off gives citizens wrong appointment dates.
 */
import { holidayCalendarSchema } from '$lib/domain/calendar-schema';
import { holidayYears } from '$lib/domain/holidays';

export function checkHolidayData(years: Record<string, unknown> = holidayYears) {
	for (const [file, data] of Object.entries(years)) {
		const r = holidayCalendarSchema.safeParse(data);
		if (!r.success) throw new Error(`Lịch nghỉ lễ không hợp lệ (${file}): ${r.error.message}`);
	}
}
