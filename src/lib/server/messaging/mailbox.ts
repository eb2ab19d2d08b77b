import type { Kysely } from 'kysely';
import { uuidv7 } from '$lib/domain/uuid';
import type { Database, OutboundMessageRow } from '../db/types';
import type { Messenger, OutboundMessage } from './messenger';

/**
 * Development mailbox: every message is stored in `outbound_messages` and shown on the
 * mailbox page, so a fresh checkout can register and read its code without any SMS or
 * e-mail provider. Used for each channel whose real adapter is not configured.
 */
export function createMailboxMessenger(db: Kysely<Database>, now: () => Date = () => new Date()): Messenger {
	return {
		async send(message: OutboundMessage) {
			await db
				.insertInto('outbound_messages')
				.values({
					// Time-ordered ids keep messages stored in the same millisecond in order.
					id: uuidv7(),
					channel: message.channel,
					recipient: message.to,
					subject: message.subject ?? null,
					body: message.body,
					attachments: message.attachments?.length ? JSON.stringify(message.attachments.map((a) => ({ name: a.filename, type: a.contentType, size: a.content.byteLength }))) : null,
					created_at: now().toISOString()
				})
				.execute();
		}
	};
}

/** Newest first. */
export async function listMailbox(
	db: Kysely<Database>,
	options: { recipient?: string; limit?: number } = {}
): Promise<OutboundMessageRow[]> {
	let query = db.selectFrom('outbound_messages').selectAll();
	if (options.recipient) query = query.where('recipient', '=', options.recipient);
	return query
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(options.limit ?? 100)
		.execute();
}
