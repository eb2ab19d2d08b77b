import type { Channel } from '../db/types';

export interface OutboundMessage {
	channel: Channel;
	/** Phone number for SMS, address for e-mail. */
	to: string;
	subject?: string;
	body: string;
	/** E-mail only: files carried with the message (SMS ignores them). */
	attachments?: MessageAttachment[];
}

export interface MessageAttachment {
	filename: string;
	contentType: string;
	content: Uint8Array;
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
