import type { space as vi } from '../vi/space';

export const space: { [K in keyof typeof vi]: string } = {
	'space.offline': 'A network is needed to sign in to another account. The data of the account in use is still here.',
	'space.account': 'Account',
	'space.guest': 'Guest',
	'space.using': 'In use:',
	'space.myAccount': 'My account',
	'space.signIn': 'Sign in',
	'space.register': 'Register',
	'space.onDevice': 'Accounts on this device',
	'space.close': 'Close',
	'space.ended': 'Your session has ended. Your applications are still on this device;',
	'space.signInAgain': 'sign in again',
	'space.toSend': 'to send them.',
	'space.claimed': '{n} drafts you made before signing in were moved into your account.',
	'pin.locked': 'The PIN was entered wrongly too many times. Try again after {time}, or sign in with your password.',
	'pin.wrong': 'Wrong PIN. {n} attempts left.',
	'pin.title': 'Enter the PIN',
	'pin.titleOf': 'Enter the PIN of {name}',
	'pin.lead': 'This account\'s data on this device is locked with a PIN.',
	'pin.label': 'PIN (4–6 digits)',
	'pin.open': 'Open',
	'pin.password': 'Use the password',
	'pin.cancel': 'Cancel'
};
