/** Paying, the e-receipt, the result and the rating (/dossiers/{id}/fees, the gateway's return). */
import { area, wordsOf } from './words.svelte';
import { payments } from './vi/payments';

export const paymentWords = area(payments, () => import('./en/payments').then((m) => m.payments));
export const t = wordsOf(paymentWords);
