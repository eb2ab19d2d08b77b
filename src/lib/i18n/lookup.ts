/** The status lookup's words (/lookup). */
import { area, wordsOf } from './words.svelte';
import { lookup } from './vi/lookup';

export const lookupWords = area(lookup, () => import('./en/lookup').then((m) => m.lookup));
export const t = wordsOf(lookupWords);
