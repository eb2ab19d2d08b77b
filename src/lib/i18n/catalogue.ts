/** The catalogue's words (/procedures, a procedure's page). */
import { area, wordsOf } from './words.svelte';
import { catalogue } from './vi/catalogue';

export const catalogueWords = area(catalogue, () => import('./en/catalogue').then((m) => m.catalogue));
export const t = wordsOf(catalogueWords);
