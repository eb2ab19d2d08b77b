/** Space on the phone: the low-space notice and the clean-up. */
import { area, wordsOf } from './words.svelte';
import { storage } from './vi/storage';

export const storageWords = area(storage, () => import('./en/storage').then((m) => m.storage));
export const t = wordsOf(storageWords);
