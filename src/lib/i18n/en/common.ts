import type { common as vi } from '../vi/common';

export const common: Record<keyof typeof vi, string> = {
	appName: 'Public services',
	skipToContent: 'Skip to main content',
	navProcedures: 'Procedures',
	navDrafts: 'Drafts',
	navOutbox: 'Sent',
	navDocuments: 'My documents',
	navLookup: 'Track',
	navAccount: 'Account',
	navSignIn: 'Sign in',
	navMain: 'Main',
	signOut: 'Sign out',
	signOutEverywhere: 'Sign out on every device',
	offline: 'You are offline: you can still read procedures and fill forms; dossiers are sent when you are back online.',
	language: 'Tiếng Việt',
	homeTitle: 'Online public services',
	homeLead: 'Find a procedure, fill its form on your phone even without signal, submit and track the result.',
	homeSearch: 'Find an administrative procedure',
};
