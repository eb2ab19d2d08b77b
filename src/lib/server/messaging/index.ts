import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Channel, Database } from '../db/types';
import { createMailboxMessenger } from './mailbox';
import { MessagingConfigError, type Messenger } from './messenger';
import { createSmsGatewayMessenger } from './sms-gateway';
import { createSmtpMessenger } from './smtp';

export { listMailbox, createMailboxMessenger } from './mailbox';
export { MessagingConfigError, type Messenger, type OutboundMessage } from './messenger';
export { createSmsGatewayMessenger } from './sms-gateway';
export { createSmtpMessenger } from './smtp';

/**
 * Picks an adapter per channel: the real one when configured, otherwise the development
 * mailbox. In production a missing adapter is a startup error, never a silent mailbox
 * nobody reads.
 */
export function createMessenger(
	config: Pick<Config, 'env' | 'smtp' | 'smsGateway'>,
	db: Kysely<Database>
): Messenger & { adapters: Record<Channel, 'smtp' | 'sms-gateway' | 'mailbox'> } {
	if (config.env === 'production') {
		const missing = [
			config.smtp ? null : 'SMTP_URL',
			config.smsGateway ? null : 'SMS_GATEWAY_URL'
		].filter(Boolean);
		if (missing.length) {
			throw new MessagingConfigError(
				`APP_ENV=production needs ${missing.join(' and ')}: codes would otherwise never reach people`
			);
		}
	}
	const mailbox = createMailboxMessenger(db);
	const email = config.smtp ? createSmtpMessenger(config.smtp) : mailbox;
	const sms = config.smsGateway ? createSmsGatewayMessenger(config.smsGateway) : mailbox;
	return {
		adapters: {
			email: config.smtp ? 'smtp' : 'mailbox',
			sms: config.smsGateway ? 'sms-gateway' : 'mailbox'
		},
		send: (message) => (message.channel === 'sms' ? sms : email).send(message)
	};
}
