/**
 * Vietnamese text folding for search. Many people type without diacritics
 * ("ket hon" for "kết hôn"), with odd casing, or with a keyboard that composes
 * tone marks differently (NFC vs NFD, "hoà" vs "hòa"); folding makes all of these
 * compare equal. Pure string work: the same result on the server, in the page and
 * in the service worker.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

let buffer = new Uint16Array(256);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Combining Diacritical Marks: the tone marks, circumflex, breve and horn (ơ, ư) after NFD. */
const isMark = (c: number) => c >= 0x300 && c <= 0x36f;

/**
 * "Đăng ký KẾT HÔN!" → "dang ky ket hon": NFD, strip combining marks, đ/Đ → d,
 * lowercase, punctuation → space, whitespace collapsed and trimmed. A dot or comma between
 * two digits is kept, so procedure codes ("1.001193") and amounts ("20.000") stay one word.
 * One pass over the characters rather than a chain of Unicode regexes: the index folds
 * every name, keyword and summary, on phones too, and this is several times faster.
 */
export function foldVietnamese(s: string): string {
	const d = s.toLowerCase().normalize('NFD');
	// Output char codes go into a reused buffer: building the string char by char made
	// indexing a large catalogue spend most of its time collecting garbage.
	if (buffer.length < d.length) buffer = new Uint16Array(d.length * 2);
	let n = 0;
	let space = false;
	for (let i = 0; i < d.length; i++) {
		let c = d.charCodeAt(i);
		if (isMark(c)) continue;
		let keep = (c >= 97 && c <= 122) || isDigit(c);
		if (c === 0x111) (c = 100), (keep = true); // đ → d (Đ is lowercased already)
		// A dot or comma right between two digits: "1.001193", "20.000".
		else if ((c === 46 || c === 44) && !space && n > 0 && isDigit(buffer[n - 1]) && isDigit(d.charCodeAt(i + 1)))
			keep = true;
		else if (!keep && c >= 128) keep = LETTER_OR_DIGIT.test(d[i]);
		if (!keep) {
			space = n > 0;
			continue;
		}
		if (space) buffer[n++] = 32;
		buffer[n++] = c;
		space = false;
	}
	let out = '';
	for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...buffer.subarray(i, Math.min(n, i + 4096)));
	return out;
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
