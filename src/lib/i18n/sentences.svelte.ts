/**
 * `inLanguage(text)`: a sentence that came as Vietnamese text (a validator's message, the
 * server's answer, an outbox record's last error, an `Error.message`) in the chosen language.
 * See ./translate.ts for why the text itself is the key. The English catalogue is fetched with
 * the rest of English (../i18n.svelte.ts `whenEnglish`); a Vietnamese reader loads none of it.
 */
import { allEnglish, i18n, whenEnglish } from '$lib/i18n.svelte';

const english = $state<{ translate?: (text: string) => string }>({});
let loading: Promise<void> | undefined;
whenEnglish(() =>
	(loading ??= import('./en/sentences').then(
		(m) => void (english.translate = m.translate),
		() => void (loading = undefined) // offline and not cached yet: Vietnamese, and a retry at the next switch
	))
);

export function inLanguage(text: string): string;
export function inLanguage(text: string | undefined): string | undefined;
export function inLanguage(text: string | undefined): string | undefined {
	const translate = english.translate ?? allEnglish()?.translate;
	return text && i18n.locale === 'en' && translate ? translate(text) : text;
}
