/** The account pages' words: sign-in, registration, password reset, sign-out and /account. */
import { area, wordsOf } from './words.svelte';
import { account } from './vi/account';

export const accountWords = area(account, () => import('./en/account').then((m) => m.account));
export const t = wordsOf(accountWords);
