/** The choice of the receiving agency (the form's review step). */
import { area, wordsOf } from './words.svelte';
import { agencies } from './vi/agencies';

export const agencyWords = area(agencies, () => import('./en/agencies').then((m) => m.agencies));
export const t = wordsOf(agencyWords);
