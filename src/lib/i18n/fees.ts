/** The fee summary (the review step, the receipt, the fees page). */
import { area, wordsOf } from './words.svelte';
import { fees } from './vi/fees';

export const feeWords = area(fees, () => import('./en/fees').then((m) => m.fees));
export const t = wordsOf(feeWords);
