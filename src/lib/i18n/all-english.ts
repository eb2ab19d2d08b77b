/**
 * Every area's English at once, by key (keys are unique across areas): what the server renders an
 * English page with, and what a page that starts in English loads before it starts
 * (hooks.client.ts; a Vietnamese page never loads this module). The area files are the ones each
 * area module already loads on its own (./words.svelte.ts), so no page's chunks change.
 */
type Words = Record<string, Readonly<Record<string, string>>>;

export async function loadAllEnglish() {
	const areas = import.meta.glob<Words>(['./en/*.ts', '!./en/index.ts', '!./en/sentences.ts']);
	const [core, ...files] = await Promise.all([import('./en'), ...Object.values(areas).map((load) => load())]);
	const words: Record<string, string> = {};
	for (const file of files) for (const area of Object.values(file)) Object.assign(words, area);
	return { core, words };
}

/** A page that starts in English: all its English first, then the switch, before it renders. */
export async function startInEnglish(): Promise<void> {
	const { provideAllEnglish, setLocale } = await import('$lib/i18n.svelte');
	const { core, words } = await loadAllEnglish();
	provideAllEnglish(core, words);
	await setLocale('en');
}
