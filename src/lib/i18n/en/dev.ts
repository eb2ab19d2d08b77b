import type { dev as vi } from '../vi/dev';

export const dev: { [K in keyof typeof vi]: string } = {
	'mailbox.title': 'Test mailbox',
	'mailbox.note': 'Development mode only: every SMS and e-mail the app "sent" shows here, newest first.',
	'mailbox.reload': 'Reload',
	'mailbox.none': 'No messages yet.',
	'mailbox.to': 'to',
	'mailbox.attachments': 'Attachments: {files}',
	'gateway.title': 'Test payment gateway',
	'gateway.banner': 'A page for the development environment: no real money. It speaks the same protocol as VNPAY (HMAC-SHA512 signature, IPN, return address).',
	'gateway.content': 'Description',
	'gateway.amount': 'Amount',
	'gateway.txnRef': 'Transaction reference (vnp_TxnRef)',
	'gateway.expired': 'The payment request has expired: the transaction will be cancelled.',
	'gateway.choose': 'Transaction result to try',
	'gateway.confirm': 'Confirm'
};
