/**
 * The browser's one error path: whatever failed (an `ApiFailure`, a storage error, a bug),
 * `messageOf` gives the sentence to show. Pages show it beside what the person was doing and
 * keep every value typed: an error never navigates away or clears a form.
 */
import { inLanguage, t } from '$lib/i18n.svelte';
import { ApiFailure } from './api/request';

/** What to tell the person; '' for an abort they caused themselves. */
export function messageOf(error: unknown, fallback = t('somethingFailed')): string {
	if ((error as Error)?.name === 'AbortError') return '';
	// The server's messages and the device's own come as Vietnamese text, shown in the chosen
	// language ($lib/i18n/translate.ts); no network at all is said here.
	if (error instanceof ApiFailure) return error.kind === 'network' ? t('networkDown') : inLanguage(error.message);
	if (isQuotaError(error)) return quotaMessage();
	if (error instanceof Error && error.message && !/^[A-Z][a-zA-Z]+Error\b/.test(error.message)) return inLanguage(error.message);
	return fallback;
}

/** The phone is full, in the chosen language. */
export const quotaMessage = () => t('quotaFull');

/** IndexedDB / Cache Storage refused a write for want of space (Dexie, before idb.ts, wrapped the DOMException in `inner`). */
export function isQuotaError(error: unknown): boolean {
	const e = error as { name?: string; inner?: { name?: string } } | null;
	return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}
