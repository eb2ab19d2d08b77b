import type { Kysely, Migration } from 'kysely';

/**
 * Resumable uploads, the per-account blob index, submitted dossiers with their events and
 * attachments, and the per-agency, per-day sequence that numbers dossier codes. Portable
 * column types only (see db/types.ts).
 */
export const dossiers0002: Migration = {
	async up(db: Kysely<any>) {
		// One row per tus upload: who may resume it, what it must hash to, and how many bytes
		// actually reached the server (resumption should keep that close to the file size).
		await db.schema
			.createTable('uploads')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
			.addColumn('sha256', 'text', (c) => c.notNull())
			.addColumn('size', 'integer', (c) => c.notNull())
			.addColumn('bytes_received', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('completed_at', 'text')
			.execute();
		await db.schema.createIndex('uploads_account_id').on('uploads').column('account_id').execute();

		// A verified blob is owned per account: the same bytes uploaded by two people are two
		// rows (one file on disk), and a check never reveals what someone else holds.
		await db.schema
			.createTable('blobs')
			.addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
			.addColumn('sha256', 'text', (c) => c.notNull())
			.addColumn('size', 'integer', (c) => c.notNull())
			.addColumn('type', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('blobs_pk', ['account_id', 'sha256'])
			.execute();

		await db.schema
			.createTable('dossier_sequences')
			.addColumn('agency_code', 'text', (c) => c.notNull())
			.addColumn('day', 'text', (c) => c.notNull())
			.addColumn('last', 'integer', (c) => c.notNull())
			.addPrimaryKeyConstraint('dossier_sequences_pk', ['agency_code', 'day'])
			.execute();

		await db.schema
			.createTable('dossiers')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
			.addColumn('procedure_code', 'text', (c) => c.notNull())
			.addColumn('agency_code', 'text', (c) => c.notNull())
			.addColumn('code', 'text', (c) => c.notNull().unique())
			.addColumn('status', 'integer', (c) => c.notNull())
			.addColumn('manifest', 'text', (c) => c.notNull())
			.addColumn('digest', 'text', (c) => c.notNull())
			.addColumn('received_at', 'text', (c) => c.notNull())
			.addColumn('appointment_date', 'text', (c) => c.notNull())
			.addColumn('receipt', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('dossiers_account_received')
			.on('dossiers')
			.columns(['account_id', 'received_at'])
			.execute();

		await db.schema
			.createTable('dossier_events')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
			.addColumn('status', 'integer', (c) => c.notNull())
			.addColumn('at', 'text', (c) => c.notNull())
			.addColumn('note', 'text')
			.execute();
		await db.schema.createIndex('dossier_events_dossier').on('dossier_events').columns(['dossier_id', 'at']).execute();

		await db.schema
			.createTable('dossier_attachments')
			.addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
			.addColumn('slot', 'text', (c) => c.notNull())
			.addColumn('sha256', 'text', (c) => c.notNull())
			.addPrimaryKeyConstraint('dossier_attachments_pk', ['dossier_id', 'slot', 'sha256'])
			.execute();
	},

	async down(db: Kysely<any>) {
		for (const table of ['dossier_attachments', 'dossier_events', 'dossiers', 'dossier_sequences', 'blobs', 'uploads']) {
			await db.schema.dropTable(table).execute();
		}
	}
};
