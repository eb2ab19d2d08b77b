/**
 * Pages the server renders come in the language chosen on the browser (the `lang` cookie, read
 * in hooks.server.ts into `locals.locale`), so an English reader sees no Vietnamese before the
 * scripts start. Every area's English is loaded once, at start; the language is read per
 * request while rendering. Prerendered pages (home, procedures) are built in Vietnamese.
 */
import { getRequestEvent } from '$app/server';
import { provideAllEnglish, type Locale } from '$lib/i18n.svelte';
import { loadAllEnglish } from '$lib/i18n/all-english';

function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? 'vi';
	} catch {
		return 'vi'; // outside a request: start-up, prerendering
	}
}

export async function renderInRequestLanguage(): Promise<void> {
	const { core, words } = await loadAllEnglish();
	provideAllEnglish(core, words, requestLocale);
}
