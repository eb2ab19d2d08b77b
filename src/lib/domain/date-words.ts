/**
 * Numbers and dates written in Vietnamese words, as civil-status registers write
 * the date of birth "bằng chữ" on a birth certificate (Thông tư 04/2024/TT-BTP forms):
 * "Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi tư".
 *
 * The spoken rules that matter:
 * - "mười" for 10–19, "mươi" after a tens digit ≥ 2 (hai mươi, ba mươi);
 * - 1 after "mươi" is "mốt" (hai mươi mốt) but "một" after "mười" (mười một);
 * - 4 after "mươi" is "tư" (hai mươi tư), otherwise "bốn" (mười bốn);
 * - 5 after "mười"/"mươi" is "lăm" (mười lăm, hai mươi lăm), otherwise "năm" (linh năm);
 * - a zero tens digit inside a number is "linh" (hai nghìn không trăm linh năm), and a
 *   zero hundreds digit after thousands is "không trăm".
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** 0–99; `inside` = preceded by hundreds/thousands, so a lone unit gets "linh". */
function tensAndUnits(n: number, inside: boolean): string {
	const tens = Math.floor(n / 10);
	const unit = n % 10;
	if (tens === 0) {
		if (unit === 0) return '';
		return inside ? `linh ${DIGITS[unit]}` : DIGITS[unit];
	}
	const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
	if (unit === 0) return head;
	let tail: string = DIGITS[unit];
	if (unit === 5) tail = 'lăm';
	else if (unit === 1 && tens >= 2) tail = 'mốt';
	else if (unit === 4 && tens >= 2) tail = 'tư';
	return `${head} ${tail}`;
}

/** Whole numbers 0–9999 in words ("hai nghìn không trăm hai mươi tư"). */
export function numberInWords(n: number): string {
	if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`numberInWords: ${n} ngoài 0–9999`);
	if (n === 0) return DIGITS[0];
	const thousands = Math.floor(n / 1000);
	const hundreds = Math.floor((n % 1000) / 100);
	const rest = n % 100;
	const parts: string[] = [];
	if (thousands > 0) parts.push(`${DIGITS[thousands]} nghìn`);
	if (hundreds > 0 || (thousands > 0 && rest > 0)) parts.push(`${DIGITS[hundreds]} trăm`);
	if (rest > 0) parts.push(tensAndUnits(rest, thousands > 0 || hundreds > 0));
	return parts.join(' ');
}

/** Month names as written on civil-status papers: "tháng tư", not "tháng bốn". */
function monthInWords(month: number): string {
	if (month === 4) return 'tư';
	return numberInWords(month);
}

function capitalise(s: string): string {
	return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/**
 * "05/03/2024" → "Ngày năm, tháng ba, năm hai nghìn không trăm hai mươi tư";
 * "1990" (year-only fields) → "Năm một nghìn chín trăm chín mươi".
 * Accepts the inputs `normalizeDate` accepts (d/m/yyyy, dd-mm-yyyy). Returns '' for
 * anything that is not a real date, so a derived field simply stays blank.
 */
export function dateInWords(value: string): string {
	const s = value.trim();
	const year = /^\d{4}$/.exec(s);
	if (year) return capitalise(`năm ${numberInWords(Number(s))}`);
	const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (!m) return '';
	const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return '';
	return capitalise(`ngày ${numberInWords(d)}, tháng ${monthInWords(mo)}, năm ${numberInWords(y)}`);
}

/** Days in a month of the proleptic Gregorian calendar (used by the date validator too). */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
