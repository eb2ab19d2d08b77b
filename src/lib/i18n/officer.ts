/** The officer desk (/officer) and the development accounts page. */
import { area, wordsOf } from './words.svelte';
import { officer } from './vi/officer';

export const officerWords = area(officer, () => import('./en/officer').then((m) => m.officer));
export const t = wordsOf(officerWords);
