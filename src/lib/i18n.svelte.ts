/**
 * The UI's words. Vietnamese is the language of the app (./i18n/vi/, one file per area);
 * English is offered for the few who need it (./i18n/en/, the same keys, loaded on demand).
 * Pages take their words through `t(key, params)`. Official texts from the catalogue
 * (procedure names, steps, documents, legal basis) stay in Vietnamese in every language:
 * they are what the agency reads.
 */
import { deliveryLabels, onlineLevelLabels, tierLabels } from '$lib/domain/labels';
import { localKeys, readStored, writeStored } from '$lib/client/db/keys';
import { vi, type MessageKey, type Messages } from './i18n/vi';

export type Locale = 'vi' | 'en';
export type { Messages };

// English is fetched the first time someone picks it: most people never do, and every page
// would otherwise carry its words (./i18n/en/).
let english: typeof import('./i18n/en') | undefined;

export const i18n = $state({ locale: 'vi' as Locale });

/** The text for `key` in the current language; `{name}` placeholders take `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	let text: string = (i18n.locale === 'en' && english ? english.en : vi)[key];
	if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
	return text;
}

const en_ = () => (i18n.locale === 'en' ? english : undefined);
export const tierName = (tier: string) => (en_()?.enTiers ?? tierLabels)[tier as keyof typeof tierLabels] ?? tier;
export const levelName = (level: string) => (en_()?.enLevels ?? onlineLevelLabels)[level as keyof typeof onlineLevelLabels];
/** A dossier status's name: the national name in Vietnamese (as the server sends it), else English. */
export const statusName = (code: number, vietnamese: string) => (en_()?.enStatuses as Record<number, string> | undefined)?.[code] ?? vietnamese;
export const deliveryName = (method: string) => (en_()?.enDelivery ?? deliveryLabels)[method as keyof typeof deliveryLabels] ?? method;

export async function setLocale(locale: Locale) {
	if (locale === 'en') english ??= await import('./i18n/en');
	i18n.locale = locale;
	document.documentElement.lang = locale;
	// Private mode: the choice lasts for this visit.
	writeStored('local', localKeys.locale, locale);
}

export function restoreLocale() {
	const saved = readStored('local', localKeys.locale);
	if (saved === 'en' || saved === 'vi') void setLocale(saved);
}
