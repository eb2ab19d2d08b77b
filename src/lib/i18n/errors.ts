/** The error page's words (SvelteKit loads that page with every first visit: keep this short). */
import { area, wordsOf } from './words.svelte';
import { errors } from './vi/errors';

export const errorWords = area(errors, () => import('./en/errors').then((m) => m.errors));
export const t = wordsOf(errorWords);
