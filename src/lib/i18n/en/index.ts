/**
 * English, loaded only when someone picks it (see $lib/i18n.svelte.ts); the same keys as ../vi/.
 * The other areas' English loads with their pages (../words.svelte.ts).
 */
import type { dossierStatusNames } from '$lib/domain/dossier';
import type { deliveryLabels, onlineLevelLabels, tierLabels } from '$lib/domain/labels';
import type { Messages } from '../vi';
import { common } from './common';

export const en: Messages = { ...common };

/** Sentences that came as Vietnamese text, in English (../translate.ts). */
export { translate } from './sentences';


// Names of the catalogue's enumerations; Vietnamese from the domain (labels.ts).
export const enTiers: Record<keyof typeof tierLabels, string> = {
	'trung-uong': 'Central government',
	tinh: 'Province',
	xa: 'Commune',
	huyen: 'District (before 01/07/2025)'
};
export const enLevels: Record<keyof typeof onlineLevelLabels, { label: string; legacy: string }> = {
	'toan-trinh': { label: 'Fully online', legacy: 'level 4' },
	'mot-phan': { label: 'Partly online', legacy: 'level 3' }
};
export const enDelivery: Record<keyof typeof deliveryLabels, string> = {
	counter: 'In person at the one-stop desk',
	post: 'By the public postal service',
	online: 'Online, as an electronic copy'
};
/** The national status names (dossier.ts) in English; the official Vietnamese name stays in the data. */
export const enStatuses: Record<keyof typeof dossierStatusNames, string> = {
	1: 'Newly submitted',
	2: 'Received',
	3: 'Not received (refused)',
	4: 'Being processed',
	5: 'Papers missing: supplement requested',
	6: 'Fees to pay',
	7: 'Withdrawn at the citizen\'s request',
	8: 'Processing stopped',
	9: 'Processed, result ready',
	10: 'Result handed over'
};
