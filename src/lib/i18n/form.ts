/** The form's words: with the draft page and the form's fields (the form page's first step). */
import { area, wordsOf } from './words.svelte';
import { form } from './vi/form';

export const formWords = area(form, () => import('./en/form').then((m) => m.form));
export const t = wordsOf(formWords);
