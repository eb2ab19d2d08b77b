/**
 * The UI's words. Vietnamese is the language of the app (./i18n/vi/, one file per area);
 * English is offered for the few who need it (./i18n/en/, the same keys, loaded on demand).
 * Only the words every page shows (./i18n/vi/common.ts) are here; each other area's words load
 * with the pages that show them (./i18n/words.svelte.ts, one module per area in ./i18n/).
 * Pages take their words through `t(key, params)`. Official texts from the catalogue
 * (procedure names, steps, documents, legal basis) stay in Vietnamese in every language:
 * they are what the agency reads.
 *
 * The choice is kept on the device and in the `lang` cookie: pages the server renders come in
 * it ($lib/server/language.ts), and a page that starts in English loads its English before it
 * starts (hooks.client.ts). Sentences that come as Vietnamese text (validators, the server's
 * answers, stored errors) are shown through `inLanguage` (./i18n/translate.ts).
 */
import { deliveryLabels, onlineLevelLabels, tierLabels } from '$lib/domain/labels';
import { localKeys, readStored, writeStored } from '$lib/client/db/keys';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from '$lib/domain/wire/cookies';
import { vi, type MessageKey, type Messages } from './i18n/vi';

export type Locale = 'vi' | 'en';
export type { MessageKey, Messages };

// English is fetched the first time someone picks it: most people never do, and every page
// would otherwise carry its words (./i18n/en/).
let english: typeof import('./i18n/en') | undefined;

// On the server, the language of the request being rendered ($lib/server/language.ts reads it
// per call, so that two requests in two languages never see each other's). The browser keeps
// the plain state (the server's part is left out of its build).
let requestLocale: (() => Locale) | undefined;

const chosen = $state({ locale: 'vi' as Locale });
export const i18n: { locale: Locale } = import.meta.env.SSR
	? {
			get locale(): Locale {
				return requestLocale?.() ?? chosen.locale;
			},
			set locale(locale: Locale) {
				chosen.locale = locale;
			}
		}
	: chosen;

// Every area's English at once, by key (keys are unique across areas; ./i18n/all-english.ts).
let allEnglish: Readonly<Record<string, string>> | undefined;

/**
 * Every area's English at hand before rendering: on the server, where pages render in the
 * request's language (`locale`, read per call), and on a page that starts in English
 * (hooks.client.ts), so that nothing shows in Vietnamese on the way.
 */
export function provideAllEnglish(core: typeof import('./i18n/en'), words: Readonly<Record<string, string>>, locale?: () => Locale) {
	english = core;
	allEnglish = words;
	requestLocale = locale;
}
/** The English of an area's word when every area's is at hand (the area's own may not have arrived). */
export const englishWord = (key: string) => allEnglish?.[key];

/**
 * A sentence that came as Vietnamese text (a validator's message, the server's answer, an outbox
 * record's last error, an `Error.message`) in the chosen language (./i18n/translate.ts).
 */
export function inLanguage(text: string): string;
export function inLanguage(text: string | undefined): string | undefined;
export function inLanguage(text: string | undefined): string | undefined {
	return (text && en_()?.translate(text)) || text;
}

/** `text` with its `{name}` placeholders filled from `params`. */
export function fill(text: string, params?: Record<string, string | number>): string {
	if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
	return text;
}

/** The text for `key` in the current language; `{name}` placeholders take `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return fill((i18n.locale === 'en' && english ? english.en : vi)[key], params);
}

const en_ = () => (i18n.locale === 'en' ? english : undefined);
export const tierName = (tier: string) => (en_()?.enTiers ?? tierLabels)[tier as keyof typeof tierLabels] ?? tier;
export const levelName = (level: string) => (en_()?.enLevels ?? onlineLevelLabels)[level as keyof typeof onlineLevelLabels];
/** A dossier status's name: the national name in Vietnamese (as the server sends it), else English. */
export const statusName = (code: number, vietnamese: string) => (en_()?.enStatuses as Record<number, string> | undefined)?.[code] ?? vietnamese;
export const deliveryName = (method: string) => (en_()?.enDelivery ?? deliveryLabels)[method as keyof typeof deliveryLabels] ?? method;

// The English of the areas loaded so far (./i18n/words.svelte.ts): a switch to English waits
// for them, so that a page never shows half of its words in each language.
const areaEnglish = new Set<() => Promise<void>>();

/** Called by each area once, when its page first loads it: fetches its English now if English is on. */
export function whenEnglish(load: () => Promise<void>): void {
	areaEnglish.add(load);
	if (i18n.locale === 'en') void load();
}

export async function setLocale(locale: Locale) {
	if (locale === 'en') {
		const [core] = await Promise.all([english ?? import('./i18n/en'), ...[...areaEnglish].map((load) => load())]);
		english = core;
	}
	i18n.locale = locale;
	document.documentElement.lang = locale;
	// Private mode: the choice lasts for this visit.
	writeStored('local', localKeys.locale, locale);
	// The server renders the next pages in it (hooks.server.ts); Vietnamese needs no cookie.
	document.cookie = locale === 'en' ? `${LANG_COOKIE}=en; path=/; max-age=${LANG_COOKIE_MAX_AGE}; samesite=lax` : `${LANG_COOKIE}=; path=/; max-age=0; samesite=lax`;
}

export function restoreLocale() {
	// The cookie first: the header's button posts to /language before the scripts start, which
	// changes the cookie and not the device's record.
	const saved = new RegExp(`(?:^|; )${LANG_COOKIE}=(en|vi)(?:;|$)`).exec(document.cookie)?.[1] ?? readStored('local', localKeys.locale);
	if (saved === 'en' || saved === 'vi') void setLocale(saved);
}
