/**
 * Vietnamese text folding for search. Many people type without diacritics
 * ("ket hon" for "kết hôn"), with odd casing, or with a keyboard that composes
 * tone marks differently (NFC vs NFD, "hoà" vs "hòa"); folding makes all of these
 * compare equal. Pure string work: the same result on the server, in the page and
 * in the service worker.
 */

/** Combining marks left after NFD: tone marks and the circumflex, breve and horn (ơ, ư). */
const COMBINING_MARKS = /\p{M}+/gu;
/**
 * Anything that is not a letter or digit becomes a space — except a dot or comma
 * between two digits, so procedure codes ("1.001193") and amounts ("20.000") stay one word.
 */
const PUNCTUATION = /(?<!\d)[.,]|[.,](?!\d)|[^\p{L}\p{N}.,]+/gu;

/**
 * "Đăng ký KẾT HÔN!" → "dang ky ket hon": NFD, strip combining marks, đ/Đ → d,
 * lowercase, punctuation → space, whitespace collapsed and trimmed.
 */
export function foldVietnamese(s: string): string {
	return s
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(PUNCTUATION, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The folded words of a text, in order ("Cha, mẹ, con" → ["cha", "me", "con"]). */
export function tokenize(s: string): string[] {
	const folded = foldVietnamese(s);
	return folded === '' ? [] : folded.split(' ');
}

/**
 * True when `a` and `b` are at most one edit apart (Damerau–Levenshtein, optimal string
 * alignment): one letter inserted, deleted, replaced, or two neighbours swapped —
 * the usual slips on a phone keyboard ("hom" for "hon", "sinhh", "ekt" for "ket").
 */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	let i = 0;
	while (i < short.length && short[i] === long[i]) i++;
	if (short.length < long.length) return short.slice(i) === long.slice(i + 1);
	if (short.slice(i + 1) === long.slice(i + 1)) return true;
	return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
}
