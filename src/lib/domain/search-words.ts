/**
 * The words search compares (procedure search and the "outside the catalogue" hints): folded
 * text (./text.ts) with abbreviations written out and one spelling for "i"/"y", and the key
 * of how a word sounds. Its own file so that pages which only fold text do not carry it.
 */
import { tokenize } from './text';

/** Abbreviations people type, written out (folded words), on the query and the catalogue alike. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
	dk: ['dang', 'ky'],
	dki: ['dang', 'ky'],
	dky: ['dang', 'ky'],
	ks: ['khai', 'sinh'],
	gks: ['giay', 'khai', 'sinh'],
	dkks: ['dang', 'ky', 'khai', 'sinh'],
	kh: ['ket', 'hon'],
	dkkh: ['dang', 'ky', 'ket', 'hon'],
	dkkt: ['dang', 'ky', 'khai', 'tu'],
	dkkd: ['dang', 'ky', 'kinh', 'doanh'],
	hkd: ['ho', 'kinh', 'doanh'],
	hk: ['ho', 'khau'],
	gp: ['giay', 'phep'],
	gpxd: ['giay', 'phep', 'xay', 'dung'],
	xn: ['xac', 'nhan'],
	tthn: ['tinh', 'trang', 'hon', 'nhan'],
	xntthn: ['xac', 'nhan', 'tinh', 'trang', 'hon', 'nhan'],
	cccd: ['can', 'cuoc', 'cong', 'dan'],
	cmnd: ['chung', 'minh', 'nhan', 'dan'],
	btxh: ['bao', 'tro', 'xa', 'hoi'],
	tcxh: ['tro', 'cap', 'xa', 'hoi'],
	ubnd: ['uy', 'ban', 'nhan', 'dan']
};

/** "ky"/"ki", "ly"/"li", "quy"/"qui": one spelling (i) for the syllable after a consonant. */
const canonical = (w: string) => (w.length <= 4 && /^(?:[bcdghklmnpqrstvx]+|qu)y$/.test(w) ? `${w.slice(0, -1)}i` : w);

/** The words search compares, for the catalogue and the query alike (folded, abbreviations written out). */
export function searchWords(text: string): string[] {
	return tokenize(text).flatMap((w) => ABBREVIATIONS[w] ?? [w]).map(canonical);
}

/**
 * How a word sounds in the accents where letters merge (northern tr/ch, s/x, d/gi/r, l/n;
 * southern final n/ng, t/c): "tru" and "chu", "sinh" and "xinh", "giay" and "day" share one key.
 */
export function soundKey(w: string): string {
	if (w.length < 3 || /\d/.test(w)) return w;
	return w
		.replace(/^tr/, 'ch')
		.replace(/^gi(?=[aeiou])/, 'd')
		.replace(/^r/, 'd')
		.replace(/^x/, 's')
		.replace(/^n(?![gh])/, 'l')
		.replace(/n[gh]$/, 'n')
		.replace(/c[h]?$/, 't');
}
