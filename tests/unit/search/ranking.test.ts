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
