import type { Channel } from '../db/types';

export interface OutboundMessage {
	channel: Channel;
	/** Phone number for SMS, address for e-mail. */
	to: string;
	subject?: string;
	body: string;
}

/** Sends a text to a person. Implementations: SMTP, HTTP SMS gateway, development mailbox. */
export interface Messenger {
	send(message: OutboundMessage): Promise<void>;
}

export class MessagingConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MessagingConfigError';
	}
}
