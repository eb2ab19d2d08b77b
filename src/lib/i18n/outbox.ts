/** Sending's words: the review step, the drafts list, the outbox and the outbox entries' states. */
import { area, wordsOf } from './words.svelte';
import { outbox } from './vi/outbox';

export const outboxWords = area(outbox, () => import('./en/outbox').then((m) => m.outbox));
export const t = wordsOf(outboxWords);
