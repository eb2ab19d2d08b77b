/** The catalogue search's words (/procedures): apart from a procedure's page's, which a link to a procedure loads alone. */
import { area, wordsOf } from './words.svelte';
import { search } from './vi/search';

export const searchWords = area(search, () => import('./en/search').then((m) => m.search));
export const t = wordsOf(searchWords);
