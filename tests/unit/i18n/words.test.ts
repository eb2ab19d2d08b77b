import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n.svelte';
import { area, wordsOf } from '$lib/i18n/words.svelte';

afterEach(() => {
	i18n.locale = 'vi';
});

describe('words by area', () => {
	it('a page takes its area words and the common words through one t, Vietnamese first', () => {
		const shop = area({ 'shop.open': 'Mở cửa lúc {h} giờ' }, async () => ({ 'shop.open': 'Opens at {h}' }));
		const t = wordsOf(shop);
		expect(t('shop.open', { h: 7 })).toBe('Mở cửa lúc 7 giờ');
		expect(t('appName')).toBe('Dịch vụ công');
		// @ts-expect-error a key of no area the page took
		void (() => t('officerTitle'));
	});

	it('in English, an area loaded later fetches its English and shows Vietnamese until it arrives', async () => {
		i18n.locale = 'en';
		let arrive!: (words: { 'late.hello': string }) => void;
		const late = area({ 'late.hello': 'Xin chào' }, () => new Promise((resolve) => (arrive = resolve)));
		const t = wordsOf(late);
		expect(t('late.hello')).toBe('Xin chào');
		arrive({ 'late.hello': 'Hello' });
		await new Promise((r) => setTimeout(r));
		expect(t('late.hello')).toBe('Hello');
		i18n.locale = 'vi';
		expect(t('late.hello')).toBe('Xin chào');
	});

	it('an area whose English cannot be fetched (offline) keeps its Vietnamese', async () => {
		i18n.locale = 'en';
		const t = wordsOf(area({ 'off.line': 'Ngoại tuyến' }, () => Promise.reject(new Error('offline'))));
		await new Promise((r) => setTimeout(r));
		expect(t('off.line')).toBe('Ngoại tuyến');
	});
});

// The compiler checks each English file against its Vietnamese one; this keeps the two folders
// holding the same areas, with the same keys, none of them empty.
describe('English is complete', () => {
	const areas = readdirSync('src/lib/i18n/vi').filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
	it.each(areas)('%s', async (name) => {
		const vi = Object.values(await import(`../../../src/lib/i18n/vi/${name}.ts`))[0] as Record<string, string>;
		const en = Object.values(await import(`../../../src/lib/i18n/en/${name}.ts`))[0] as Record<string, string>;
		expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
		for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
	});
});
