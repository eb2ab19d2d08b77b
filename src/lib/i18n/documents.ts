/**
 * The document store's words: with the store's pages and the attachment picker only, so that
 * the form's first step does not carry them.
 */
import { area, wordsOf } from './words.svelte';
import { documents } from './vi/documents';

export const documentWords = area(documents, () => import('./en/documents').then((m) => m.documents));
export const t = wordsOf(documentWords);
