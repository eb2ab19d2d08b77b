import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

/** The columns every outbox row has: where it stands and when it is tried again. */
const withDelivery = <T extends string>(table: CreateTableBuilder<T>) =>
	table
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text');

/**
 * What leaves the server after a dossier event, kept in the database so that a restart or a
 * failing gateway loses nothing: `event_fanout` marks each event once it was turned into
 * deliveries (several instances may scan; the primary key settles who did it); the
 * `notification_outbox` (web push, e-mail, SMS to the citizen) and the `integration_outbox`
 * (the provincial one-stop system) are drained with retries and exponential backoff; the
 * browsers' web push subscriptions. Portable column types only (see db/types.ts).
 */
export const notifications0013: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('event_fanout')
			.addColumn('event_id', 'text', (c) => c.primaryKey())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('push_subscriptions')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
			.addColumn('endpoint', 'text', (c) => c.notNull().unique())
			.addColumn('p256dh', 'text', (c) => c.notNull())
			.addColumn('auth', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('push_subscriptions_account').on('push_subscriptions').column('account_id').execute();

		await withDelivery(
			db.schema
				.createTable('notification_outbox')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('event_id', 'text', (c) => c.notNull())
				.addColumn('dossier_id', 'text', (c) => c.notNull())
				.addColumn('account_id', 'text', (c) => c.notNull())
				.addColumn('channel', 'text', (c) => c.notNull())
				.addColumn('recipient', 'text', (c) => c.notNull())
				.addColumn('subject', 'text')
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('url', 'text', (c) => c.notNull())
		)
			.execute();
		await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['state', 'next_attempt_at']).execute();
		await db.schema
			.createIndex('notification_outbox_once')
			.on('notification_outbox')
			.columns(['event_id', 'channel', 'recipient'])
			.unique()
			.execute();

		await withDelivery(
			db.schema
				.createTable('integration_outbox')
				.addColumn('event_id', 'text', (c) => c.primaryKey())
				.addColumn('dossier_id', 'text', (c) => c.notNull())
				.addColumn('body', 'text', (c) => c.notNull())
		)
			.execute();
		await db.schema.createIndex('integration_outbox_due').on('integration_outbox').columns(['state', 'next_attempt_at']).execute();
	},

	async down(db: Kysely<any>) {
		for (const table of ['integration_outbox', 'notification_outbox', 'push_subscriptions', 'event_fanout']) await db.schema.dropTable(table).execute();
	}
};
