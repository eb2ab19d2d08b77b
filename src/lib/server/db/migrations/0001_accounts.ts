import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts, sessions, one-time codes, rate-limit counters, the development mailbox and
 * agencies. Only portable column types (text, integer) so the same migration runs on
 * SQLite and PostgreSQL; see db/types.ts for the conventions.
 */
export const accounts0001: Migration = {
	async up(db: Kysely<any>) {
		await db.schema
			.createTable('agencies')
			.addColumn('code', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('kind', 'text', (c) => c.notNull())
			.addColumn('province_code', 'text')
			.addColumn('commune_code', 'text')
			.execute();

		await db.schema
			.createTable('accounts')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('role', 'text', (c) =>
				c.notNull().check(sqlIn('role', ['citizen', 'officer', 'admin']))
			)
			.addColumn('agency_code', 'text', (c) => c.references('agencies.code'))
			.addColumn('full_name', 'text', (c) => c.notNull())
			.addColumn('id_number', 'text', (c) => c.notNull().unique())
			.addColumn('pending_id_number', 'text')
			.addColumn('date_of_birth', 'text')
			.addColumn('sex', 'text')
			.addColumn('phone', 'text', (c) => c.notNull().unique())
			.addColumn('email', 'text')
			.addColumn('permanent_address', 'text')
			.addColumn('password_hash', 'text', (c) => c.notNull())
			.addColumn('status', 'text', (c) =>
				c.notNull().check(sqlIn('status', ['pending', 'active', 'locked']))
			)
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('sessions')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) =>
				c.notNull().references('accounts.id').onDelete('cascade')
			)
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('last_seen_at', 'text', (c) => c.notNull())
			.addColumn('user_agent', 'text')
			.execute();
		await db.schema.createIndex('sessions_account_id').on('sessions').column('account_id').execute();

		await db.schema
			.createTable('one_time_codes')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('account_id', 'text', (c) =>
				c.notNull().references('accounts.id').onDelete('cascade')
			)
			.addColumn('purpose', 'text', (c) => c.notNull())
			.addColumn('code_hash', 'text', (c) => c.notNull())
			.addColumn('channel', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('used_at', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('one_time_codes_account_purpose')
			.on('one_time_codes')
			.columns(['account_id', 'purpose', 'created_at'])
			.execute();

		await db.schema
			.createTable('rate_limits')
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('window_start', 'text', (c) => c.notNull())
			.addColumn('count', 'integer', (c) => c.notNull())
			.execute();

		await db.schema
			.createTable('outbound_messages')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('channel', 'text', (c) => c.notNull())
			.addColumn('recipient', 'text', (c) => c.notNull())
			.addColumn('subject', 'text')
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('outbound_messages_created_at')
			.on('outbound_messages')
			.column('created_at')
			.execute();
	},

	async down(db: Kysely<any>) {
		for (const table of ['outbound_messages', 'rate_limits', 'one_time_codes', 'sessions', 'accounts', 'agencies']) {
			await db.schema.dropTable(table).execute();
		}
	}
};

function sqlIn(column: string, values: string[]) {
	// Values are constants from this file, never user input.
	return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
