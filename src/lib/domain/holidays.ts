/**
 * The official days off shipped in data/holidays/<year>.json, as one calendar.
 * Bundled (small) so the page, the service worker and the server compute the same dates.
 */
import { createCalendar, holidayCalendarSchema } from './calendar';

const years = import.meta.glob('/data/holidays/*.json', { eager: true, import: 'default' });

export const workingCalendar = createCalendar(
	Object.entries(years).map(([file, data]) => {
		const r = holidayCalendarSchema.safeParse(data);
		if (!r.success) throw new Error(`Lịch nghỉ lễ không hợp lệ (${file}): ${r.error.message}`);
		return r.data;
	})
);
