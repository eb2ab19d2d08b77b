/**
 * Time in Vietnam and the app's date formats, in one place. Vietnam is UTC+7 all year (no
 * daylight saving), so a fixed offset is exact and no time-zone database is needed; this
 * module runs the same in the browser, the service worker and Node, whatever the device's
 * own time zone.
 */

export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' */
export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar date and wall-clock time of an instant in Vietnam. */
export function vietnamDate(instant: Date): { date: IsoDate; hour: number; minute: number } {
	const t = instant.getTime();
	if (Number.isNaN(t)) throw new RangeError('Thời điểm không hợp lệ');
	const local = new Date(t + VIETNAM_OFFSET_MS);
	return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** The instant in Vietnam time with its offset, as receipts show it: 2026-03-02T14:05:09.120+07:00. */
export function vietnamIso(instant: Date): string {
	return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().replace('Z', '+07:00');
}

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD', else null (2026-02-30 is not a date). */
export function toDayNumber(date: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const ms = Date.UTC(y, mo - 1, d);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
	return ms / DAY_MS;
}

/**
 * A date as people read it: '2026-03-05' (or a full timestamp, or a Date) → '05/03/2026';
 * `yearOnly` (or a bare year) → '2026'. Anything else comes back as it was.
 */
export function formatDate(value: unknown, yearOnly = false): string {
	if (value instanceof Date) value = vietnamDate(value).date;
	else if (typeof value === 'string' && /T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
		value = vietnamDate(new Date(value)).date;
	const s = String(value ?? '').trim();
	const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(s);
	if (!m) return s;
	if (yearOnly || !m[2]) return m[1];
	return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An instant as "HH:MM dd/mm/yyyy" in Vietnam time: 2026-11-26T09:05:00Z → "16:05 26/11/2026". */
export function formatDateTime(instant: string | number | Date): string {
	const d = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
	return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Zero-padded calendar parts and "HH:MM" of an instant in Vietnam, e.g. for "ngày 05 tháng 03 năm 2026". */
export function vietnamParts(instant: Date): { day: string; month: string; year: string; time: string } {
	const d = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
	return { day: pad(d.getUTCDate()), month: pad(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}
