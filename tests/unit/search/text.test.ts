import { describe, expect, it } from 'vitest';
import { foldVietnamese, tokenize, withinOneEdit } from '$lib/domain/text';

describe('foldVietnamese', () => {
	it('strips diacritics, maps đ to d and lowercases', () => {
		expect(foldVietnamese('Đăng ký KẾT HÔN')).toBe('dang ky ket hon');
		expect(foldVietnamese('Chứng thực bản sao')).toBe('chung thuc ban sao');
		expect(foldVietnamese('ĐỒNG đội')).toBe('dong doi');
	});

	it('treats composed and decomposed input, and old/new tone placement, the same', () => {
		const nfd = 'Thường trú'.normalize('NFD');
		expect(foldVietnamese(nfd)).toBe('thuong tru');
		expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'));
	});

	it('turns punctuation into spaces and collapses whitespace', () => {
		expect(foldVietnamese('  Đăng ký khai sinh kết hợp nhận cha,  mẹ, con. ')).toBe('dang ky khai sinh ket hop nhan cha me con');
		expect(foldVietnamese('khai tử – xóa thường trú/tạm trú')).toBe('khai tu xoa thuong tru tam tru');
	});

	it('keeps a dot between digits so procedure codes stay one word', () => {
		expect(foldVietnamese('Mã 1.001193.')).toBe('ma 1.001193');
		expect(foldVietnamese('20.000 đồng/bản')).toBe('20.000 dong ban');
	});
});

describe('tokenize', () => {
	it('returns the folded words in order', () => {
		expect(tokenize('Cấp lại thẻ Căn cước')).toEqual(['cap', 'lai', 'the', 'can', 'cuoc']);
	});

	it('returns no words for blank or punctuation-only text', () => {
		expect(tokenize('   ')).toEqual([]);
		expect(tokenize(' ... – ')).toEqual([]);
	});
});

describe('withinOneEdit', () => {
	it.each([
		['hom', 'hon'], // substitution
		['sinhh', 'sinh'], // insertion
		['sin', 'sinh'], // deletion
		['ekt', 'ket'], // transposition of neighbours
		['khai', 'khai']
	])('%s ~ %s', (a, b) => {
		expect(withinOneEdit(a, b)).toBe(true);
		expect(withinOneEdit(b, a)).toBe(true);
	});

	it.each([
		['hom', 'hang'],
		['ket', 'tek'],
		['kethon', 'khetno'],
		['ab', 'abcd']
	])('%s is more than one edit from %s', (a, b) => {
		expect(withinOneEdit(a, b)).toBe(false);
	});
});
