/** The development pages' words (mailbox, payment gateway). */
import { area, wordsOf } from './words.svelte';
import { dev } from './vi/dev';

export const devWords = area(dev, () => import('./en/dev').then((m) => m.dev));
export const t = wordsOf(devWords);
