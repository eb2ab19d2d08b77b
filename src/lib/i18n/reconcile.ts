/** Bank-transfer reconciliation (/admin/bank-statement) and the desk's manual match of a transfer. */
import { area, wordsOf } from './words.svelte';
import { reconcile } from './vi/reconcile';

export const reconcileWords = area(reconcile, () => import('./en/reconcile').then((m) => m.reconcile));
export const t = wordsOf(reconcileWords);
