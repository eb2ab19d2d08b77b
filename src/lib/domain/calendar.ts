/**
 * Working-day arithmetic for appointment dates (ngày hẹn trả kết quả), in Vietnam time.
 *
 * Vietnam is UTC+7 all year (no daylight saving), so a fixed offset is exact and we need no
 * time-zone database; this module runs the same in the browser, the service worker and Node.
 *
 * Holidays are data (data/holidays/<year>.json), passed in through `createCalendar`: the
 * domain never imports JSON, and a year that is not loaded is an error rather than a guess,
 * because an invented working day would give a citizen a wrong appointment. The data's schema
 * (classic zod, ≈ 28 KB gzip) is in ./calendar-schema, checked at build and at server start, so
 * the pages that show an appointment estimate do not download it.
 */
import type { ProcessingTime } from './procedure';
import { DAY_MS, toDayNumber, vietnamDate, type IsoDate } from './time';

/**
 * Default receipt cut-off: a dossier received at or after 15:00 is handled as received on the
 * next working day. NĐ 61/2018/NĐ-CP Điều 19 khoản 1 (amended by NĐ 107/2021/NĐ-CP): dossiers
 * received after 15:00 are passed on at the start of the next working day; the catalogue's
 * same-day procedures say "nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo". NĐ
 * 118/2025/NĐ-CP replaced both decrees from 01/07/2025 and keeps the one-stop receipt model.
 */
export const RECEIPT_CUTOFF_HOUR = 15;


/** One year of official days off, as data/holidays/<year>.json holds it (validated by `holidayCalendarSchema` in ./calendar-schema at build and server start). */
export interface HolidayCalendarInput {
	year: number;
	source: string[];
	note?: string;
	daysOff: { date: IsoDate; name: string; provisional?: boolean; note?: string }[];
	workingWeekends?: { date: IsoDate; name: string }[];
}

/** What a calendar is made of. The browser's build keeps only the dates of each file (scripts/holidays.js). */
export interface CalendarYear {
	year: number;
	daysOff: { date: IsoDate; name?: string }[];
	workingWeekends?: { date: IsoDate }[];
}

export interface Calendar {
	readonly years: ReadonlySet<number>;
	/** date → name of the day off ('' in the browser's build, whose copy has only the dates) */
	readonly daysOff: ReadonlyMap<IsoDate, string>;
	readonly workingWeekends: ReadonlySet<IsoDate>;
}

/** Thrown when a date falls in a year whose holidays are not loaded. */
export class CalendarCoverageError extends Error {
	constructor(readonly year: number) {
		super(
			`Chưa có lịch ngày nghỉ lễ năm ${year} nên không tính được ngày hẹn trả kết quả. ` +
				`Quản trị viên cần bổ sung tệp data/holidays/${year}.json.`
		);
		this.name = 'CalendarCoverageError';
	}
}

export function createCalendar(years: CalendarYear[]): Calendar {
	const covered = new Set<number>();
	const daysOff = new Map<IsoDate, string>();
	const workingWeekends = new Set<IsoDate>();
	for (const raw of years) {
		const cal = raw;
		if (covered.has(cal.year)) throw new Error(`Lịch ngày nghỉ năm ${cal.year} được nạp hai lần`);
		covered.add(cal.year);
		for (const d of cal.daysOff) daysOff.set(d.date, d.name ?? '');
		for (const d of cal.workingWeekends ?? []) workingWeekends.add(d.date);
	}
	return { years: covered, daysOff, workingWeekends };
}

function dayNumber(date: string): number {
	const n = toDayNumber(date);
	if (n === null) throw new RangeError(`Ngày không hợp lệ: "${date}" (cần dạng YYYY-MM-DD)`);
	return n;
}

function fromDayNumber(n: number): IsoDate {
	return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
	return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: string): boolean {
	const d = weekday(date);
	return d === 0 || d === 6;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
	return fromDayNumber(dayNumber(date) + days);
}

export function isWorkingDay(cal: Calendar, date: IsoDate): boolean {
	const year = Number(date.slice(0, 4));
	dayNumber(date);
	if (!cal.years.has(year)) throw new CalendarCoverageError(year);
	if (cal.daysOff.has(date)) return false;
	return !isWeekend(date) || cal.workingWeekends.has(date);
}

/** Name of the holiday on that date, if it is one (for messages like "18/02 là Tết Nguyên đán"; the server's calendar: the browser's has no names). */
export function dayOffName(cal: Calendar, date: IsoDate): string | undefined {
	return cal.daysOff.get(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: Calendar, date: IsoDate): IsoDate {
	let d = addCalendarDays(date, 1);
	while (!isWorkingDay(cal, d)) d = addCalendarDays(d, 1);
	return d;
}

/** The `days`-th working day after `date` (`date` itself is not counted; 0 → `date`). */
export function addWorkingDays(cal: Calendar, date: IsoDate, days: number): IsoDate {
	if (!Number.isInteger(days) || days < 0) throw new RangeError(`Số ngày làm việc không hợp lệ: ${days}`);
	let d = date;
	for (let i = 0; i < days; i++) d = nextWorkingDay(cal, d);
	return d;
}

/**
 * The day a dossier counts as received: the Vietnam-time date of `receivedAt` if that is a
 * working day and the time is before the cut-off; otherwise the next working day.
 */
export function effectiveReceiptDate(
	cal: Calendar,
	receivedAt: Date,
	cutoffHour: number = RECEIPT_CUTOFF_HOUR
): IsoDate {
	const { date, hour } = vietnamDate(receivedAt);
	return isWorkingDay(cal, date) && hour < cutoffHour ? date : nextWorkingDay(cal, date);
}

/**
 * The appointment date (ngày hẹn trả kết quả) for a dossier received at `receivedAt`:
 * - N working days → the N-th working day after the effective receipt day;
 * - same day → the effective receipt day itself, with the procedure's own cut-off hour.
 * Throws `CalendarCoverageError` when the count runs into a year that is not loaded.
 */
export function appointmentDate(cal: Calendar, receivedAt: Date, processingTime: ProcessingTime): IsoDate {
	if (processingTime.kind === 'same-day')
		return effectiveReceiptDate(cal, receivedAt, processingTime.cutoffHour ?? RECEIPT_CUTOFF_HOUR);
	return addWorkingDays(cal, effectiveReceiptDate(cal, receivedAt), processingTime.days);
}

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** '2026-02-23' → 'Thứ Hai, 23/02/2026' */
export function formatVietnameseDate(date: IsoDate): string {
	const [y, m, d] = date.split('-');
	return `${WEEKDAY_NAMES[weekday(date)]}, ${d}/${m}/${y}`;
}
