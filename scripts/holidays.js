/**
 * The holiday calendar as the browser gets it. data/holidays/<year>.json carries, beside each day
 * off, the legal sources and notes an administrator checks them against (checked by
 * `holidayCalendarSchema` at build and server start): ≈ 1.6 KB gzip for two years, of which the
 * browser, which only counts working days for the appointment estimate, uses the dates (≈ 0.2 KB).
 * The procedure page downloads the calendar; the server keeps the whole files, and names holidays.
 */
const HOLIDAY_FILE = /[\\/]data[\\/]holidays[\\/]\d{4}\.json$/;

/** What the browser keeps of one year's file: its year, and the dates of its days off and working weekends. */
export function browserCalendar(year) {
	const day = (d) => ({ date: d.date });
	return { year: year.year, daysOff: year.daysOff.map(day), workingWeekends: (year.workingWeekends ?? []).map(day) };
}

/** @returns {import('vite').Plugin} */
export function holidaysForBrowser() {
	return {
		name: 'dvc:holidays-for-browser',
		// Before Vite's JSON plugin turns the file into a module.
		enforce: 'pre',
		transform(code, id, options) {
			if (options?.ssr || !HOLIDAY_FILE.test(id.split('?')[0])) return null;
			return { code: JSON.stringify(browserCalendar(JSON.parse(code))), map: null };
		}
	};
}
