import type { agencies as vi } from '../vi/agencies';

export const agencies: { [K in keyof typeof vi]: string } = {
	'agency.title': 'Agency receiving the application',
	'agency.loading': 'Finding the receiving agency…',
	'agency.notOnDevice': 'This device does not have the directory of receiving agencies yet (about 10 KB). Turn on the network once to download it; after that no network is needed.',
	'agency.retry': 'Try again',
	'agency.reason': 'Why: {reason}',
	'agency.desk': 'Hand in and collect the result at: {desk}',
	'agency.basis': 'Legal basis: {basis}.',
	'agency.defaultOutside': 'The agency chosen for you is outside the province where you live ({province}), because the law gives this procedure to the agency at the {reason}. You can choose another one below if there is one.',
	'agency.notHome': 'Note: the agency you chose is not where you live ({place}). Make sure this is where you want to apply.',
	'agency.anywhere': 'This procedure can be done at any commune or ward, wherever you live.',
	'agency.otherPlace': 'Apply at another commune or ward',
	'agency.chosenPlace': 'the place you chose to apply',
	'agency.illustrative': 'Agency code {code} is illustrative (not the official code yet).'
};
