import { describe, expect, it } from 'vitest';
import { createSearchIndex, searchProcedures, type ProcedureQuery } from '$lib/domain/search';
import { fixtureCatalogue } from './fixture';

const index = createSearchIndex(fixtureCatalogue);
const codes = (query: ProcedureQuery) => searchProcedures(index, query).items.map((p) => p.code);

describe('matching', () => {
	it('ignores diacritics and case in both directions', () => {
		expect(codes({ q: 'ket hon' })).toContain('1.000894');
		expect(codes({ q: 'KẾT HÔN' })).toContain('1.000894');
		expect(codes({ q: 'tach ho' })).toEqual(['1.010038']);
	});

	it('matches a word prefix (someone still typing)', () => {
		expect(codes({ q: 'giam' })).toEqual(['1.004837']); // "giám hộ"
		expect(codes({ q: 'khai ba' })[0]).toBe('1.003677'); // "khai báo tạm vắng"
		expect(codes({ q: 'tach h' })).toEqual(['1.010038']);
	});

	it('requires every required word to match somewhere (AND)', () => {
		expect(codes({ q: 'di chuc ket hon' })).toEqual([]);
		expect(codes({ q: 'khai bao tam vang ket hon' })).toEqual([]);
		expect(codes({ q: 'tam vang' })).toEqual(['1.003677']);
	});

	it('matches keywords and summaries, not only names', () => {
		expect(codes({ q: 'ho khau' })).toContain('1.004222');
		expect(codes({ q: 'doc than' })[0]).toBe('1.004873');
	});

	it('tolerates one typo in a word', () => {
		expect(codes({ q: 'ket hom' })).toContain('1.000894');
		expect(codes({ q: 'khai sinhh' })).toContain('1.001193');
		expect(codes({ q: 'chung thuc bam sao' })).toContain('2.000815');
		expect(codes({ q: 'dnag ky tam tru' })).toContain('1.004194'); // swapped letters
	});

	it('takes a word that exists in the catalogue as typed, without typo matches', () => {
		// "hon" is a catalogue word: "hong"/"ho" typo neighbours must not widen the result.
		const items = searchProcedures(index, { q: 'ket hon' }).items;
		const keywordsOf = (code: string) => fixtureCatalogue.find((p) => p.code === code)!.keywords.join(' ');
		expect(items.every((p) => /kết hôn/i.test(`${p.name} ${p.summary} ${keywordsOf(p.code)}`))).toBe(true);
	});

	it('answers a list without the keywords: they are searched, not shown', () => {
		const items = searchProcedures(index, { q: 'khai sinh' }).items;
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item).not.toHaveProperty('keywords');
	});

	it('allows no typo in short words or in the first letter of a 3-letter word', () => {
		expect(codes({ q: 'tach hp' })).toEqual([]);
		expect(codes({ q: 'tach jo' })).toEqual([]);
		expect(codes({ q: 'gia han yam tru' })).toEqual([]);
	});

	it('finds a procedure by its code, whole or the number after the dot', () => {
		expect(codes({ q: '1.001193' })).toEqual(['1.001193']);
		expect(codes({ q: '001193' })).toEqual(['1.001193']);
		expect(codes({ q: '2.0008' }).sort()).toEqual(['2.000806', '2.000815', '2.000884']);
	});

	it('does not let filler words exclude a procedure', () => {
		expect(codes({ q: 'thủ tục tách hộ' })).toEqual(['1.010038']);
		expect(codes({ q: 'cach lam thu tuc khai bao tam vang nhu the nao' })).toEqual(['1.003677']);
	});

	it('returns nothing for a word found nowhere', () => {
		expect(searchProcedures(index, { q: 'xyzzyq' })).toEqual({ items: [], total: 0 });
	});
});

describe('filters', () => {
	it('filters by tier, level, agency id and field', () => {
		expect(codes({ tier: 'tinh' }).sort()).toEqual(['1.116410', '2.000635', '2.000806']);
		const online = searchProcedures(index, { q: 'ket hon', level: 'toan-trinh' }).items;
		expect(online.length).toBeGreaterThan(0);
		expect(online.every((p) => p.onlineLevel === 'toan-trinh')).toBe(true);
		expect(online.map((p) => p.code)).not.toContain('1.000894');
		expect(codes({ q: 'ket hon', level: 'mot-phan' })[0]).toBe('1.000894');
		expect(codes({ agency: 'cong-an-tinh' })).toEqual(['1.116410']);
		expect(codes({ field: 'Nuôi con nuôi' })).toEqual(['2.001263']);
	});

	it('matches a field or agency name typed without diacritics', () => {
		expect(codes({ field: 'nuoi con nuoi' })).toEqual(['2.001263']);
		expect(codes({ agency: 'So tu phap' })).toEqual(['2.001263']);
	});

	it('returns an empty result, not an error, for an unknown agency or field', () => {
		expect(searchProcedures(index, { agency: 'bo-khong-co' })).toEqual({ items: [], total: 0 });
		expect(searchProcedures(index, { q: 'khai sinh', field: 'Không có' }).total).toBe(0);
	});

	it('lists everything matching the filters by name in Vietnamese order when q is empty', () => {
		const r = searchProcedures(index, { field: 'Đăng ký, quản lý cư trú' });
		expect(r.total).toBe(6);
		expect(r.items.map((p) => p.name)).toEqual([
			'Đăng ký tạm trú',
			'Đăng ký thường trú',
			'Gia hạn tạm trú',
			'Khai báo tạm vắng',
			'Tách hộ',
			'Xóa đăng ký thường trú'
		]);
		expect(searchProcedures(index, {}).total).toBe(fixtureCatalogue.length);
	});
});

describe('ranking rules', () => {
	const base = fixtureCatalogue[0];
	const make = (code: string, name: string, extra: Partial<typeof base> = {}) => ({ ...base, code, name, keywords: [], summary: 'Thủ tục hành chính.', ...extra });
	const rules = createSearchIndex([
		make('1.000001', 'Đăng ký lại kết hôn'),
		make('1.000002', 'Thủ tục kết hôn có yếu tố nước ngoài tại cơ quan đại diện'),
		make('1.000004', 'Cấp bản sao trích lục'),
		make('1.000003', 'Cấp bản trích lục sao'),
		make('1.000005', 'Gia hạn tạm trú'),
		make('1.000006', 'Xác nhận tạm trú')
	]);
	const ranked = (q: string) => searchProcedures(rules, { q }).items.map((p) => p.code);

	it('puts a name that starts with the phrase (after "Thủ tục") above a shorter one that contains it', () => {
		expect(ranked('ket hon')).toEqual(['1.000002', '1.000001']);
	});

	it('puts the words side by side in the name above the same words apart', () => {
		expect(ranked('ban sao')).toEqual(['1.000004', '1.000003']);
	});

	it('breaks equal scores by code when the names are as long', () => {
		expect(ranked('tam tru')).toEqual(['1.000005', '1.000006']);
	});
});
