/**
 * The document store's words (./{vi,en}/documents.ts): the same two languages as every
 * page, but loaded with the store's pages and the attachment picker only, so that the form's
 * first step does not carry them. `td` reads the current language like `t`.
 */
import { i18n } from '$lib/i18n.svelte';
import { documents as vi } from './vi/documents';

export type DocumentKey = keyof typeof vi;

const loaded = $state<{ en?: Record<DocumentKey, string> }>({});

/** Fetches the English words when English is the language (call from an $effect). */
export function loadDocumentWords(): void {
	if (i18n.locale === 'en' && !loaded.en) void import('./en/documents').then((m) => (loaded.en = m.documents));
}

export function td(key: DocumentKey, params?: Record<string, string | number>): string {
	let text: string = (i18n.locale === 'en' && loaded.en ? loaded.en : vi)[key];
	if (params) for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
	return text;
}
