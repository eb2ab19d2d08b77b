import { describe, expect, it } from 'vitest';
import { chosenLocale, pageBack } from '$lib/domain/wire/language-form';

const form = (to?: string) => {
	const f = new FormData();
	if (to !== undefined) f.set('to', to);
	return f;
};
const ours = (origin: string) => origin === 'https://dvc.example.vn';

describe('the language form', () => {
	it('asks for English only with to=en', () => {
		expect([chosenLocale(form('en')), chosenLocale(form('vi')), chosenLocale(form('<b>')), chosenLocale(form()), chosenLocale(undefined)]).toEqual(['en', 'vi', 'vi', 'vi', 'vi']);
	});

	it('goes back to a page of ours with its query, else home', () => {
		expect(pageBack('https://dvc.example.vn/procedures?q=lam+cccd', ours)).toBe('/procedures?q=lam+cccd');
		for (const referrer of ['https://evil.example/x?y=1', 'https://dvc.example.vn/language', 'not a url', '', null, undefined]) expect(pageBack(referrer, ours), String(referrer)).toBe('/');
	});
});
