/** The old address's words (components/form/OldAddress), loaded with it when someone asks for it. */
import { area, wordsOf } from './words.svelte';
import { formWords } from './form';
import { oldAddress } from './vi/old-address';

export const oldAddressWords = area(oldAddress, () => import('./en/old-address').then((m) => m.oldAddress));
export const t = wordsOf(oldAddressWords, formWords);
