import type { errors as vi } from '../vi/errors';

export const errors: { [K in keyof typeof vi]: string } = {
	'error.offlineTitle': 'Network needed',
	'error.notFoundTitle': 'Page not found',
	'error.title': 'Error',
	'error.offline': 'This page needs a network',
	'error.offlineLead': 'The phone cannot reach the server, so this page could not open. Everything you entered on this device is still there.',
	'error.offlineCan': 'Without a network you can still:',
	'error.drafts': 'Continue the applications in progress',
	'error.outbox': 'See sent applications and the dates results are due',
	'error.procedures': 'Look up procedures and download forms',
	'error.retry': 'Try again',
	'error.notFound': 'This address is not in the app, or it has changed.',
	'error.find': 'Find a procedure',
	'error.home': 'Home page',
	'error.code': 'Error (code {status})',
	'error.failed': 'The app met an error opening this page.',
	'error.later': ' Try again in a few minutes.'
};
