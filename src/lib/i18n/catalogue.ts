/** A procedure's page's words (/procedures/{code}); the search's are ./search.ts. */
import { area, wordsOf } from './words.svelte';
import { catalogue } from './vi/catalogue';

export const catalogueWords = area(catalogue, () => import('./en/catalogue').then((m) => m.catalogue));
export const t = wordsOf(catalogueWords);
