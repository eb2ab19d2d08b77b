import type { storage as vi } from '../vi/storage';

export const storage: { [K in keyof typeof vi]: string } = {
	'space.full': 'The phone is out of storage, so this could not be saved.',
	'space.keep': 'What you just entered is still on screen and is saved as soon as there is room; do not close this page.',
	'space.holds': 'The app keeps on this phone: {inProgress} dossiers being written, {sent} sent dossiers, {files} attached files ({filesSize}).',
	'space.removable': 'Can be removed now with nothing lost: {files} files no dossier uses any more and {drafts} dossiers you deleted ({size}).',
	'space.free': 'Remove what is not used ({size})',
	'space.freed': '{size} freed.',
	'space.elsewhere': 'Remove photos, videos or apps you do not use from the phone, or dossiers you no longer need on the page',
	'space.draftsPage': 'Dossiers being written',
	'loss.title': 'The browser deleted this app\'s data on this phone (usually because the phone ran out of storage).',
	'loss.restored': '{n} sent dossiers and their receipts were restored from the server: see "Sent dossiers".',
	'loss.restoreLater': 'Sent dossiers are still on the server: when online and signed in, they appear again in "Sent dossiers".',
	'loss.unsent': 'Dossiers not sent yet could not be restored, because they were kept only on this phone:',
	'loss.persisted': 'The browser agreed to keep the data: it is no longer deleted when the phone runs out of storage.',
	'loss.notPersisted': 'The browser has not agreed to keep the data (so that it is not deleted when the phone runs out of storage): install the app on the home screen.',
	'loss.ok': 'Understood'
};
