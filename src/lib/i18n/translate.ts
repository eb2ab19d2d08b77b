/**
 * Sentences that travel as Vietnamese text, put into English when English is on (gettext
 * style: the Vietnamese sentence, with its `{name}` placeholders, is the key).
 *
 * Why the Vietnamese text and not a key beside it: these sentences are made where the rule is
 * (the domain validators run by the same zod schema on the page, in the service worker and on
 * the server; the sync engine in the worker; the server's error envelope) and then travel as
 * text: in the API's envelope and form-action failures (Vietnamese, the default language),
 * in outbox records already on phones, in `Error.message`. A key carried beside each of them
 * would need a second channel on every one of those paths and would still miss the records an
 * older release stored. Translating the text at display reaches all of them with one step, and
 * costs the Vietnamese reader nothing: this file and the English catalogue load only with English (../i18n.svelte.ts `inLanguage`, with the core English).
 *
 * A sentence that matches no entry (a newer server's wording) is shown as it came.
 */
type Catalogue = Readonly<Record<string, string>>;

interface Entry {
	pattern: RegExp;
	names: string[];
	english: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The placeholder names of a template, in order. */
export const placeholders = (template: string) => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);

function compile(catalogue: Catalogue): Entry[] {
	return (
		Object.entries(catalogue)
			.map(([vietnamese, english]) => {
				const parts = vietnamese.split(PLACEHOLDER); // literal, name, literal, name, …
				const source = parts.map((part, i) => (i % 2 ? '(.+?)' : escape(part))).join('');
				const literal = parts.filter((_, i) => i % 2 === 0).join('').length;
				return { pattern: new RegExp(`^${source}$`, 's'), names: placeholders(vietnamese), english, literal };
			})
			// The most specific sentence first: "Tối đa {max} tệp …" before "Tối đa {max} {item} …".
			.sort((a, b) => b.literal - a.literal)
	);
}

/** Placeholders holding a sentence of their own, translated in turn. */
const SENTENCES = new Set(['detail', 'what']);
/** Placeholders holding an amount ("10.000", "1,5 MB"); the others (names, labels, codes) stay as typed. */
const AMOUNTS = new Set(['count', 'min', 'max', 'value', 'size', 'expected', 'length', 'items', 'n', 'held', 'quota', 'width', 'height']);

/** "10.000" → "10,000", "1,5 MB" → "1.5 MB": amounts written the Vietnamese way, in English. */
function englishAmount(value: string): string {
	return value.replace(/\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+,\d+/g, (n) => n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
}

export function translator(catalogue: Catalogue): (text: string) => string {
	let entries: Entry[] | undefined;
	const translate = (text: string): string => {
		entries ??= compile(catalogue);
		for (const entry of entries) {
			const match = entry.pattern.exec(text);
			if (!match) continue;
			const values = Object.fromEntries(entry.names.map((name, i) => [name, match[i + 1]]));
			// A sentence inside a sentence ("Mã số thuế 12 số là số định danh cá nhân: {detail}").
			return entry.english.replace(PLACEHOLDER, (_, name: string) => {
				const value = values[name] ?? '';
				return SENTENCES.has(name) ? translate(value) : AMOUNTS.has(name) ? englishAmount(value) : value;
			});
		}
		return text;
	};
	return translate;
}
