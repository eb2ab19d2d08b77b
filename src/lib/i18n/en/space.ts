import type { space as vi } from '../vi/space';

export const space: { [K in keyof typeof vi]: string } = {
	'switcher.offline': 'A network is needed to sign in to another account. The data of the account in use is still here.',
	'switcher.account': 'Account',
	'switcher.guest': 'Guest',
	'switcher.using': 'In use:',
	'switcher.myAccount': 'My account',
	'switcher.signIn': 'Sign in',
	'switcher.register': 'Register',
	'switcher.onDevice': 'Accounts on this device',
	'switcher.close': 'Close',
	'switcher.ended': 'Your session has ended. Your applications are still on this device;',
	'switcher.signInAgain': 'sign in again',
	'switcher.toSend': 'to send them.',
	'switcher.claimed': '{n} drafts you made before signing in were moved into your account.',
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
