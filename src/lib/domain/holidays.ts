/**
 * The official days off shipped in data/holidays/<year>.json, as one calendar.
 * Bundled (small) so the page, the service worker and the server compute the same dates.
 * The files are checked against `holidayCalendarSchema` when the app is built and when the
 * server starts, not here: a phone would otherwise download classic zod to re-check them.
 */
import { createCalendar, type CalendarYear } from './calendar';

/** The server's build has the whole files; the browser's only their dates and names (scripts/holidays.js). */
export const holidayYears = import.meta.glob('/data/holidays/*.json', { eager: true, import: 'default' }) as Record<string, CalendarYear>;

export const workingCalendar = createCalendar(Object.values(holidayYears));
