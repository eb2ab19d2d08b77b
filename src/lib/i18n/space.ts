/** The words of the header's account list and the PIN prompt, loaded with them. */
import { area, wordsOf } from './words.svelte';
import { space } from './vi/space';

export const spaceWords = area(space, () => import('./en/space').then((m) => m.space));
export const t = wordsOf(spaceWords);
