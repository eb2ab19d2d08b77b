/**
 * Dates as people type them on Vietnamese forms: day/month/year ("05/03/2024"), also
 * "5/3/2024", "05-03-2024" and "05.03.2024". The draft keeps exactly what was typed;
 * `normalizeDate` gives the canonical "dd/mm/yyyy" for printing and comparison.
 */
import { daysInMonth } from '../date-words';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export interface CalendarDate {
	day: number;
	month: number;
	year: number;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');
export const formatDate = (d: CalendarDate) => `${pad(d.day)}/${pad(d.month)}/${d.year}`;

/** The parts of a real calendar date, or null. Also reads ISO "yyyy-mm-dd" (from profiles, <input type=date>). */
export function parseDate(raw: string): CalendarDate | null {
	const s = raw.trim();
	const dmy = DMY.exec(s);
	const iso = dmy ? null : ISO.exec(s);
	if (!dmy && !iso) return null;
	const [day, month, year] = dmy
		? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
		: [Number(iso![3]), Number(iso![2]), Number(iso![1])];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { day, month, year };
}

/** "5-3-2024" → "05/03/2024"; null when it is not a real date. */
export function normalizeDate(raw: string): string | null {
	const d = parseDate(raw);
	return d ? formatDate(d) : null;
}

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), whatever the device's zone. */
export function vietnamToday(now: Date = new Date()): CalendarDate {
	const t = new Date(now.getTime() + 7 * 3600_000);
	return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, year: t.getUTCFullYear() };
}

const compare = (a: CalendarDate, b: CalendarDate) =>
	a.year - b.year || a.month - b.month || a.day - b.day;

export interface DateRules {
	range?: 'any' | 'past' | 'future';
	yearOnly?: boolean;
	today?: Date;
}

function validateYearOnly(s: string, range: DateRules['range'], today: CalendarDate): string | null {
	if (!/^\d{4}$/.test(s)) return 'Hãy nhập năm gồm 4 chữ số, ví dụ 1990';
	const year = Number(s);
	if (year < MIN_YEAR || year > MAX_YEAR) return `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`;
	if (range === 'past' && year > today.year)
		return `Năm ${year} chưa tới; hãy nhập năm không sau năm nay (${today.year})`;
	if (range === 'future' && year < today.year)
		return `Năm ${year} đã qua; hãy nhập năm từ năm nay (${today.year}) trở đi`;
	return null;
}

export function validateDate(raw: string, rules: DateRules = {}): string | null {
	const s = raw.trim();
	const today = vietnamToday(rules.today);
	if (rules.yearOnly) return validateYearOnly(s, rules.range, today);

	const m = DMY.exec(s);
	if (!m) return 'Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2024';
	const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (year < MIN_YEAR || year > MAX_YEAR) return `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR} (đang là ${year})`;
	if (month < 1 || month > 12) return `Tháng ${pad(month)} không có trong lịch; tháng chỉ từ 01 đến 12`;
	if (day < 1 || day > daysInMonth(year, month)) {
		if (month === 2 && day === 29) return `Ngày 29/02 không có trong lịch năm ${year} (năm không nhuận)`;
		return `Ngày ${pad(day)}/${pad(month)} không có trong lịch`;
	}
	const date = { day, month, year };
	if (rules.range === 'past' && compare(date, today) > 0)
		return `Ngày ${formatDate(date)} chưa tới; hãy nhập ngày từ hôm nay (${formatDate(today)}) trở về trước`;
	if (rules.range === 'future' && compare(date, today) < 0)
		return `Ngày ${formatDate(date)} đã qua; hãy chọn ngày từ hôm nay (${formatDate(today)}) trở đi`;
	return null;
}
