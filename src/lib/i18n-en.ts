/** English texts, loaded only when someone picks English (see ./i18n.svelte.ts). */
import type { deliveryLabels, onlineLevelLabels, tierLabels } from '$lib/domain/labels';
import type { Messages } from './i18n.svelte';

export const en: Messages = {
	appName: 'Public services',
	skipToContent: 'Skip to main content',
	navProcedures: 'Procedures',
	navDrafts: 'Drafts',
	navOutbox: 'Sent',
	navAccount: 'Account',
	navSignIn: 'Sign in',
	offline: 'You are offline: you can still read procedures and fill forms; dossiers are sent when you are back online.',
	language: 'Tiếng Việt',
	homeTitle: 'Online public services',
	homeLead: 'Find a procedure, fill its form on your phone even without signal, submit and track the result.',
	homeSearch: 'Find an administrative procedure',
	searchQuestion: 'Which procedure do you need?',
	searchHint: 'Type in Vietnamese, with or without accents, e.g. "khai sinh" (birth), "ket hon" (marriage), "chứng thực bản sao" (certified copy).',
	searchButton: 'Search',
	filtersSummary: 'Filter by agency, level, tier, field',
	filterAgency: 'Handled by',
	filterLevel: 'Online service level',
	filterTier: 'Tier of government',
	filterField: 'Field',
	filterAll: 'All',
	resultCount: '{n} procedures',
	resultFor: ' for "{q}"',
	codeShort: 'Code {code}',
	backToList: '‹ All procedures',
	procedureCode: 'Procedure code',
	applyOnline: 'Apply online',
	downloadForm: 'Download the form (PDF)',
	makingForm: 'Making the form…',
	formFailed: 'Could not make the form: {error}',
	agency: 'Handled by',
	processingTime: 'Processing time',
	sameDay: 'The same day; dossiers received after {h}:00 are returned on the next working day.',
	workingDays: '{n} working days from receipt of a complete, valid dossier.',
	result: 'Result',
	steps: 'Steps',
	documents: 'Required documents',
	copies: '{n} copies',
	isForm: 'Form / declaration',
	ifAny: 'If applicable',
	fees: 'Fees and charges',
	noFees: 'No fees or charges.',
	free: 'Free',
	exemptions: 'Exemptions and reductions:',
	conditions: 'Conditions',
	legalBasis: 'Legal basis',
	sources: 'Sources',
	estimate: 'If you apply now, the expected return date is:',
	kindOriginal: 'Original',
	kindCopy: 'Copy',
	kindCertifiedCopy: 'Certified copy',
	kindPresent: 'Shown in person'
};

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
