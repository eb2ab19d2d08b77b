import { browser } from '$app/environment';
import { provideAllEnglish, setLocale, startsInEnglish } from '$lib/i18n.svelte';

// A page that starts in English (rendered so by the server from the `lang` cookie, or prerendered
// in Vietnamese for a browser whose cookie asks for English) has all its English before it starts:
// the server's English is not switched back, and a prerendered page is English from its start
// instead of after. Nothing here blocks the first paint; Vietnamese pages skip it.
export const load = async () => {
	if (!browser || !startsInEnglish()) return;
	const { loadAllEnglish } = await import('$lib/i18n/all-english');
	provideAllEnglish(await loadAllEnglish());
	await setLocale('en');
};
