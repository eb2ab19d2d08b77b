/**
 * Money and sizes written the way the chosen language writes numbers ("1,5 MB" / "1.5 MB"):
 * what pages show. Papers and PDFs keep the Vietnamese style of $lib/domain/format.
 */
import { formatBytes as bytesIn, formatVnd as vndIn } from '$lib/domain/format';
import { i18n } from '$lib/i18n.svelte';

export const formatBytes = (bytes: number) => bytesIn(bytes, i18n.locale);
export const formatVnd = (amount: number) => vndIn(amount, i18n.locale);
/** A count (of đồng, dossiers …) with the language's thousands separator. */
export const formatNumber = (n: number) => n.toLocaleString(i18n.locale === 'en' ? 'en-GB' : 'vi-VN');
