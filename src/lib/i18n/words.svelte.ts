/**
 * The words of one area of the app (the desk, payments, the document store …), loaded with the
 * pages that show them instead of with every page. An area's module (./officer.ts …) defines it
 * once with `area(vi, () => import(en))`; a page takes `t` from it, or `wordsOf(a, b)` when it
 * shows several areas. The English of an area is fetched when English is on (./en/, the same
 * keys, type-checked against ./vi/); until it arrives the Vietnamese shows.
 */
import { englishWord, fill, i18n, t as common, whenEnglish, type MessageKey } from '$lib/i18n.svelte';

type Params = Record<string, string | number>;

export interface Area<K extends string> {
	readonly vi: Readonly<Record<K, string>>;
	/** The English, once fetched. */
	readonly en: Readonly<Record<K, string>> | undefined;
}

export function area<K extends string>(vi: Record<K, string>, loadEnglish: () => Promise<Record<NoInfer<K>, string>>): Area<K> {
	const english = $state<{ words?: Record<K, string> }>({});
	let loading: Promise<void> | undefined;
	whenEnglish(() =>
		(loading ??= loadEnglish().then(
			(words) => void (english.words = words),
			() => void (loading = undefined) // offline and not cached yet: Vietnamese, and a retry at the next switch
		))
	);
	return {
		vi,
		get en() {
			return english.words;
		}
	};
}

type KeyOf<A> = A extends Area<infer K> ? K : never;

/** `t` for the common words and those of `areas`, in the current language. */
export function wordsOf<A extends Area<string>[]>(...areas: A) {
	return (key: MessageKey | KeyOf<A[number]>, params?: Params): string => {
		for (const a of areas) {
			if (!(key in a.vi)) continue;
			const english = i18n.locale === 'en' ? ((a.en as Record<string, string> | undefined)?.[key] ?? englishWord(key)) : undefined;
			return fill(english ?? (a.vi as Record<string, string>)[key]!, params);
		}
		return common(key as MessageKey, params);
	};
}
