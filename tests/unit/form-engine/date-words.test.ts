import { describe, expect, it } from 'vitest';
import { dateInWords, numberInWords } from '$lib/domain/date-words';

describe('dateInWords (ngày sinh bằng chữ)', () => {
	it.each([
		['05/03/2024', 'Ngày năm, tháng ba, năm hai nghìn không trăm hai mươi tư'],
		['15/03/2024', 'Ngày mười lăm, tháng ba, năm hai nghìn không trăm hai mươi tư'],
		['01/01/2000', 'Ngày một, tháng một, năm hai nghìn'],
		['15/10/2021', 'Ngày mười lăm, tháng mười, năm hai nghìn không trăm hai mươi mốt'],
		['24/04/2014', 'Ngày hai mươi tư, tháng tư, năm hai nghìn không trăm mười bốn'],
		['31/12/1999', 'Ngày ba mươi mốt, tháng mười hai, năm một nghìn chín trăm chín mươi chín'],
		['11/11/2011', 'Ngày mười một, tháng mười một, năm hai nghìn không trăm mười một'],
		['25/05/2005', 'Ngày hai mươi lăm, tháng năm, năm hai nghìn không trăm linh năm'],
		['14/02/1905', 'Ngày mười bốn, tháng hai, năm một nghìn chín trăm linh năm'],
		['20/07/2010', 'Ngày hai mươi, tháng bảy, năm hai nghìn không trăm mười'],
		['1/6/1975', 'Ngày một, tháng sáu, năm một nghìn chín trăm bảy mươi lăm']
	])('%s → %s', (date, words) => expect(dateInWords(date)).toBe(words));

	it('writes a year-only answer', () => {
		expect(dateInWords('1990')).toBe('Năm một nghìn chín trăm chín mươi');
	});

	it('gives nothing for a date that does not exist', () => {
		expect(dateInWords('31/02/2024')).toBe('');
		expect(dateInWords('hôm qua')).toBe('');
	});
});

describe('numberInWords', () => {
	it.each([
		[0, 'không'],
		[10, 'mười'],
		[21, 'hai mươi mốt'],
		[101, 'một trăm linh một'],
		[115, 'một trăm mười lăm'],
		[1000, 'một nghìn'],
		[2100, 'hai nghìn một trăm'],
		[2004, 'hai nghìn không trăm linh bốn'],
		[2044, 'hai nghìn không trăm bốn mươi tư']
	])('%i → %s', (n, words) => expect(numberInWords(n)).toBe(words));
});
