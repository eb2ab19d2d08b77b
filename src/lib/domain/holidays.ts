/**
 * The official days off shipped in data/holidays/<year>.json, as one calendar.
 * Bundled (small) so the page, the service worker and the server compute the same dates.
 * The files are checked against `holidayCalendarSchema` when the app is built and when the
 * server starts, not here: a phone would otherwise download classic zod to re-check them.
 */
import { createCalendar, type HolidayCalendarInput } from './calendar';

export const holidayYears = import.meta.glob('/data/holidays/*.json', { eager: true, import: 'default' }) as Record<string, HolidayCalendarInput>;

export const workingCalendar = createCalendar(Object.values(holidayYears));
