import type { Kysely, Migration } from 'kysely';

/**
 * Which version of the shipped reference data (e.g. the agency directory, 10,000 rows) the
 * database holds, so a start only rewrites it when the data changed.
 */
export const referenceVersions0010: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('reference_versions')
			.addColumn('name', 'text', (c) => c.primaryKey())
			.addColumn('version', 'text', (c) => c.notNull())
			.execute();
		// The officer pages list agencies by province.
		await db.schema.createIndex('agencies_province_code').on('agencies').column('province_code').execute();
	},
	async down(db: Kysely<any>) {
		await db.schema.dropIndex('agencies_province_code').execute();
		await db.schema.dropTable('reference_versions').execute();
	}
};
