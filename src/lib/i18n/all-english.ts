/**
 * Every area's English at once: what the server renders an English page with, and what a page
 * that starts in English loads before it starts (hooks.client.ts; a Vietnamese page never loads
 * this module). Areas are matched by their Vietnamese words' object, the one each area module
 * passes to `area()` (./words.svelte.ts).
 */
type Words = Record<string, Readonly<Record<string, string>>>;

export async function loadAllEnglish() {
	const vi = import.meta.glob<Words>(['./vi/*.ts', '!./vi/index.ts']);
	const en = import.meta.glob<Words>(['./en/*.ts', '!./en/index.ts']);
	const [core, ...pairs] = await Promise.all([
		import('./en'),
		...Object.entries(vi).flatMap(([path, load]) => {
			const english = en[path.replace('/vi/', '/en/')];
			return english ? [Promise.all([load(), english()])] : [];
		})
	]);
	const areas = new Map<object, Readonly<Record<string, string>>>();
	for (const [viWords, enWords] of pairs as [Words, Words][])
		for (const [name, words] of Object.entries(viWords)) if (enWords[name]) areas.set(words, enWords[name]);
	return { core, areas };
}

/** A page that starts in English: all its English first, then the switch, before it renders. */
export async function startInEnglish(): Promise<void> {
	const { provideAllEnglish, setLocale } = await import('$lib/i18n.svelte');
	const { core, areas } = await loadAllEnglish();
	provideAllEnglish(core, areas);
	await setLocale('en');
}
