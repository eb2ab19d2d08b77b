/** My dossiers and one dossier's page (timeline, supplement, withdrawal, notifications). */
import { area, wordsOf } from './words.svelte';
import { dossiers } from './vi/dossiers';

export const dossierWords = area(dossiers, () => import('./en/dossiers').then((m) => m.dossiers));
export const t = wordsOf(dossierWords);
