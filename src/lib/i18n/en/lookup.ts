import type { lookup as vi } from '../vi/lookup';

export const lookup: Record<keyof typeof vi, string> = {
	'lookup.title': 'Track a dossier',
	'lookup.lead': 'See where a dossier stands by its code (printed on the receipt, sent by text message) or the applicant’s ID number.',
	'lookup.code': 'Dossier code',
	'lookup.codeHint': 'For example 000.00.19.H47-260105-0001',
	'lookup.or': 'or',
	'lookup.idNumber': 'Applicant’s citizen ID number',
	'lookup.idNumberHint': '12 digits',
	'lookup.submit': 'Look up',
	'lookup.none': 'No dossier matches exactly what you typed. Check every digit.',
	'lookup.noneOffline': 'No connection. None of your dossiers on this phone has this code; look it up again when you are online.',
	'lookup.fromDevice': 'No connection: shown from this phone, it may not be the latest.',
	'lookup.found': '{n} dossier(s) found',
	'lookup.procedure': 'Procedure',
	'lookup.applicant': 'Applicant',
	'lookup.receivedAt': 'Received on',
	'lookup.appointmentDate': 'Result due on',
	'lookup.status': 'Status',
	'lookup.open': 'Details and progress',
	'lookup.masked': 'The name is partly hidden to protect the applicant. Sign in with the account that applied to see it in full.'
};
