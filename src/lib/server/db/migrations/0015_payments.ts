import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Fees and results (issue 15): the financial obligations of a dossier (status 6), the
 * payments made against them with every event, bank-statement lines for reconciliation,
 * how the result is handed over (at the counter, by post with its tracking number), and the satisfaction rating. Money is integers of
 * đồng ('integer' so PostgreSQL holds any amount; SQLite integers are 64-bit anyway).
 *
 * "Exactly one successful payment per obligation" is held by the database itself: a unique
 * partial index on payments(obligation_id) where state = 'paid', on both dialects.
 */
export const payments0015: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('payment_obligations')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
			.addColumn('amount', 'integer', (c) => c.notNull())
			/** JSON text of [{ name, amount }]. */
			.addColumn('items', 'text', (c) => c.notNull())
			.addColumn('state', 'text', (c) => c.notNull())
			/** The transfer reference a bank statement carries (dossier code + short suffix). */
			.addColumn('reference', 'text', (c) => c.notNull().unique())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text')
			.addColumn('paid_payment_id', 'text')
			.addColumn('paid_at', 'text')
			.execute();
		await db.schema.createIndex('payment_obligations_dossier').on('payment_obligations').column('dossier_id').execute();

		await db.schema
			.createTable('payments')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('obligation_id', 'text', (c) => c.notNull().references('payment_obligations.id').onDelete('cascade'))
			.addColumn('dossier_id', 'text', (c) => c.notNull())
			.addColumn('method', 'text', (c) => c.notNull())
			.addColumn('amount', 'integer', (c) => c.notNull())
			.addColumn('state', 'text', (c) => c.notNull())
			/** Our order reference sent to the provider (vnp_TxnRef); unique, the IPN's key. */
			.addColumn('txn_ref', 'text', (c) => c.notNull().unique())
			/** The provider's own reference: vnp_TransactionNo, bank transaction id, counter receipt number. */
			.addColumn('provider_ref', 'text')
			.addColumn('payer_account_id', 'text')
			.addColumn('recorded_by', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.addColumn('paid_at', 'text')
			.execute();
		await db.schema.createIndex('payments_obligation').on('payments').column('obligation_id').execute();
		await sql`create unique index payments_one_paid on payments (obligation_id) where state = 'paid'`.execute(db);

		await db.schema
			.createTable('payment_events')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('payment_id', 'text')
			.addColumn('obligation_id', 'text')
			/** created, paid, failed, expired, refunded, forged, amount_mismatch, unknown_ref, replay, refund_due, matched … */
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			/** JSON text: what the provider sent (without secrets), the answer given. */
			.addColumn('detail', 'text')
			.execute();
		await db.schema.createIndex('payment_events_payment').on('payment_events').columns(['payment_id', 'at']).execute();
		await db.schema.createIndex('payment_events_obligation').on('payment_events').columns(['obligation_id', 'at']).execute();

		await db.schema
			.createTable('bank_transfers')
			/** The bank's transaction id: a statement line replayed is the same row. */
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('amount', 'integer', (c) => c.notNull())
			.addColumn('description', 'text', (c) => c.notNull())
			.addColumn('received_at', 'text', (c) => c.notNull())
			.addColumn('matched_obligation_id', 'text')
			.addColumn('matched_by', 'text')
			.addColumn('matched_at', 'text')
			.execute();

		await db.schema
			.createTable('result_deliveries')
			.addColumn('dossier_id', 'text', (c) => c.primaryKey().references('dossiers.id').onDelete('cascade'))
			/** online | counter | post (the result file itself is the workflow's dossier_results). */
			.addColumn('method', 'text', (c) => c.notNull())
			/** Counter: the appointment (yyyy-mm-dd) and what to bring. */
			.addColumn('counter_date', 'text')
			.addColumn('counter_bring', 'text')
			/** Post: JSON text of the checked address, the postal fee in đồng and the tracking number. */
			.addColumn('post_address', 'text')
			.addColumn('postal_fee', 'integer')
			.addColumn('tracking_number', 'text')
			.addColumn('recorded_by', 'text', (c) => c.notNull())
			.addColumn('recorded_at', 'text', (c) => c.notNull())
			.addColumn('handed_over_at', 'text')
			.execute();

		await db.schema
			.createTable('dossier_ratings')
			.addColumn('dossier_id', 'text', (c) => c.primaryKey().references('dossiers.id').onDelete('cascade'))
			.addColumn('account_id', 'text', (c) => c.notNull())
			.addColumn('agency_code', 'text', (c) => c.notNull())
			.addColumn('score', 'integer', (c) => c.notNull())
			/** JSON text: the standard questions' answers, each 1–5. */
			.addColumn('answers', 'text', (c) => c.notNull())
			.addColumn('comment', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('dossier_ratings_agency').on('dossier_ratings').column('agency_code').execute();
	},

	async down(db: Kysely<any>) {
		for (const table of ['dossier_ratings', 'result_deliveries', 'bank_transfers', 'payment_events', 'payments', 'payment_obligations'])
			await db.schema.dropTable(table).execute();
	}
};
