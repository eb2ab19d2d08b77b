import type { Kysely, Migration } from 'kysely';

/**
 * Results by e-mail (issue 15, item 8): an e-mail of the notification outbox may carry files
 * (the result an agency issued, handed over online), listed as JSON `[{ sha256, name, type,
 * size }]` and read from the blob store when the e-mail goes; the development mailbox keeps
 * what each message carried (`[{ name, type, size }]`) so a person can see it.
 */
export const mailAttachments0030: Migration = {
	async up(db: Kysely<any>) {
		await db.schema.alterTable('notification_outbox').addColumn('attachments', 'text').execute();
		await db.schema.alterTable('outbound_messages').addColumn('attachments', 'text').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.alterTable('outbound_messages').dropColumn('attachments').execute();
		await db.schema.alterTable('notification_outbox').dropColumn('attachments').execute();
	}
};
