import { describe, expect, it } from 'vitest';
import { createSearchIndex, searchProcedures } from '$lib/domain/search';
import { tokenize } from '$lib/domain/text';
import { catalogue } from './catalogue';

const index = createSearchIndex(catalogue);
const codes = (q: string) => searchProcedures(index, { q }).items.map((p) => p.code);
const rank = (q: string, code: string) => {
	const i = codes(q).indexOf(code);
	expect(i, `${code} should be found for "${q}"`).toBeGreaterThanOrEqual(0);
	return i;
};

describe(`ranking (${catalogue.length} procedures)`, () => {
	it.each([
		['ket hon', '1.000894'],
		['đăng ký kết hôn', '1.000894'],
		['chung thuc ban sao', '2.000815'],
		['dang ky khai sinh', '1.001193'],
		['thủ tục đăng ký khai sinh', '1.001193'],
		['khai sinh', '1.001193'],
		['khai sinh con', '1.001193'],
		['ket hom', '1.000894'],
		['khai sinhh', '1.001193'],
		['chung thuc bam sao', '2.000815']
	])('"%s" puts %s first', (q, code) => {
		expect(codes(q)[0]).toBe(code);
	});

	it('ranks the plain procedure above its variants for "khai sinh"', () => {
		const plain = rank('khai sinh', '1.001193');
		expect(plain).toBe(0);
		expect(plain).toBeLessThan(rank('khai sinh', '1.004884')); // đăng ký lại khai sinh
		const variants = searchProcedures(index, { q: 'khai sinh' }).items.filter((p) => /khai sinh/i.test(p.name));
		expect(variants.length).toBeGreaterThan(1);
	});

	it('ranks a name that starts with the phrase above one that only contains it', () => {
		const r = searchProcedures(index, { q: 'dang ky khai sinh' }).items;
		const scoreOf = (code: string) => r.find((p) => p.code === code)?.score ?? -1;
		expect(scoreOf('1.001193')).toBeGreaterThan(scoreOf('1.004884'));
	});

	it('gives higher scores first and breaks ties by shorter name, then code', () => {
		const items = searchProcedures(index, { q: 'dang ky' }).items;
		expect(items.length).toBeGreaterThan(3);
		const words = (name: string) => tokenize(name.replace(/^Thủ tục /i, '')).length;
		for (let i = 1; i < items.length; i++) {
			const [a, b] = [items[i - 1], items[i]];
			expect(a.score).toBeGreaterThanOrEqual(b.score);
			if (a.score === b.score) expect(words(a.name)).toBeLessThanOrEqual(words(b.name));
			if (a.score === b.score && words(a.name) === words(b.name)) expect(a.code < b.code).toBe(true);
		}
		expect(items.some((p, i) => i > 0 && p.score === items[i - 1].score)).toBe(true);
	});
});

describe('keywords', () => {
	it('ranks a procedure whose keyword is the whole query above one that only has the words in its name', () => {
		const kw = searchProcedures(createSearchIndex(catalogue), { q: 'lam giay khai sinh' }).items;
		expect(kw[0].code).toBe('1.001193');
	});
});

// Issue 10: search understands how people type, in both languages.
describe('how people type', () => {
	it.each([
		// English, with the UI in English: the catalogue's English names and keywords.
		['birth registration', '1.001193'],
		['marriage', '1.000894'],
		['how to get a birth certificate', '1.001193'],
		['temporary residence', '1.004194'],
		['certified copy', '2.000815'],
		['building permit', '1.013225'],
		// Abbreviations.
		['dk tam tru', '1.004194'],
		['đk kết hôn', '1.000894'],
		['lam gks', '1.001193'],
		['gpxd', '1.013225'],
		// i/y written either way.
		['đăng kí kết hôn', '1.000894'],
		['dang ki khai tu', '1.000656'],
		// Letters that sound the same in a regional accent.
		['tam chu', '1.004194'],
		['khai xinh', '1.001193'],
		['làm dấy khai sinh', '1.001193'],
		['đăng ký thường chú', '1.004222']
	])('"%s" puts %s first', (q, code) => {
		expect(codes(q)[0]).toBe(code);
	});

	it('keeps a sound-alike below the word as written', () => {
		const r = searchProcedures(index, { q: 'chung thuc' }).items.map((p) => p.code);
		expect(r.slice(0, 2).sort()).toEqual(['2.000815', '2.000884']);
	});

	it('finds nothing English for an English word the catalogue lacks', () => {
		expect(codes('xyzzy permit')).toEqual([]);
	});
});
