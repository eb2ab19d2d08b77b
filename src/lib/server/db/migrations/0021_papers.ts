import type { Kysely, Migration } from 'kysely';

/**
 * Papers the state holds for a citizen ("provided once, not again"): every file of a dossier
 * an officer accepted becomes a verified paper of its owner; every result file an agency
 * issued becomes an issued paper ("Do cơ quan cấp"). One row per dossier, origin, slot and
 * file; the file itself stays in the content-addressed blob store, owned by the citizen in
 * `blobs` (which is what lets a later dossier attach it by hash and upload nothing).
 * Nothing is backfilled: dossiers accepted before this migration keep working as before.
 */
export const papers0021: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('papers')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
			.addColumn('origin', 'text', (c) => c.notNull())
			.addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
			// The attachment slot it filled; '' for an issued result.
			.addColumn('slot', 'text', (c) => c.notNull())
			.addColumn('sha256', 'text', (c) => c.notNull())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('size', 'integer', (c) => c.notNull())
			.addColumn('type', 'text', (c) => c.notNull())
			.addColumn('type_id', 'text', (c) => c.notNull())
			.addColumn('metadata', 'text', (c) => c.notNull())
			.addColumn('event_id', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema.createIndex('papers_source').on('papers').columns(['dossier_id', 'origin', 'slot', 'sha256']).unique().execute();
		await db.schema.createIndex('papers_account').on('papers').columns(['account_id', 'created_at']).execute();
	},

	async down(db: Kysely<any>) {
		await db.schema.dropTable('papers').execute();
	}
};
