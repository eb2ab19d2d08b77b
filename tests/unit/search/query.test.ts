import { describe, expect, it } from 'vitest';
import { parseProcedureQuery } from '$lib/domain/search';

const parse = (qs: string) => parseProcedureQuery(new URLSearchParams(qs));

describe('parseProcedureQuery', () => {
	it('accepts a plain search and trims it', () => {
		expect(parse('q=%20%20k%E1%BA%BFt%20h%C3%B4n%20')).toEqual({ ok: true, query: { q: 'kết hôn' } });
	});

	it('accepts every filter together', () => {
		const r = parse('q=khai+sinh&agency=ubnd-xa&field=H%E1%BB%99+t%E1%BB%8Bch&level=toan-trinh&tier=xa');
		expect(r).toEqual({
			ok: true,
			query: { q: 'khai sinh', agency: 'ubnd-xa', field: 'Hộ tịch', level: 'toan-trinh', tier: 'xa' }
		});
	});

	it('maps the old level numbers 4 and 3 to toàn trình and một phần', () => {
		expect(parse('level=4')).toEqual({ ok: true, query: { level: 'toan-trinh' } });
		expect(parse('level=3')).toEqual({ ok: true, query: { level: 'mot-phan' } });
		expect(parse('level=mot-phan')).toEqual({ ok: true, query: { level: 'mot-phan' } });
	});

	it('treats empty parameters (an untouched select) as no filter', () => {
		expect(parse('q=&tier=&level=&agency=&field=')).toEqual({ ok: true, query: {} });
	});

	it('accepts exactly 200 characters and rejects 201 with a Vietnamese message', () => {
		expect(parse(`q=${'a'.repeat(200)}`).ok).toBe(true);
		const r = parse(`q=${'ă'.repeat(201)}`);
		expect(r).toEqual({
			ok: false,
			error: {
				code: 'invalid_query',
				message: 'Từ khoá tìm kiếm dài quá 200 ký tự',
				fields: { q: 'Từ khoá tìm kiếm dài quá 200 ký tự' }
			}
		});
	});

	it('counts characters, not the bytes of decomposed diacritics', () => {
		const decomposed = 'ế'.normalize('NFD').repeat(200); // 600 code units, 200 letters
		expect(parseProcedureQuery(new URLSearchParams({ q: decomposed })).ok).toBe(true);
	});

	it('rejects an unknown tier, naming the parameter and the allowed values', () => {
		const r = parse('tier=quan');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.code).toBe('invalid_query');
		expect(Object.keys(r.error.fields)).toEqual(['tier']);
		expect(r.error.fields.tier).toContain('tier');
		expect(r.error.fields.tier).toContain('trung-uong');
		expect(r.error.message).toBe(r.error.fields.tier);
	});

	it('rejects an unknown level, naming the parameter, and reports every bad parameter', () => {
		const r = parse('level=5&tier=huyenn');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.keys(r.error.fields).sort()).toEqual(['level', 'tier']);
		expect(r.error.fields.level).toMatch(/^Tham số level không hợp lệ/);
		expect(r.error.fields.level).toContain('mức độ 4');
	});

	it('ignores parameters it does not know', () => {
		expect(parse('page=2&q=tach+ho')).toEqual({ ok: true, query: { q: 'tach ho' } });
	});
});
