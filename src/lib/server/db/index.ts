import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { migrationProvider } from './migrations';
import type { Database } from './types';

export type { Database } from './types';
export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabase {
	db: Kysely<Database>;
	dialect: DialectName;
	close(): Promise<void>;
}

/** Opens the database the configuration points at (SQLite file or PostgreSQL pool). */
export function openDatabase(config: Pick<Config, 'database'>): OpenDatabase {
	const target = config.database;
	if (target.dialect === 'postgres') {
		const pool = new pg.Pool({ connectionString: target.connectionString, max: 10 });
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, dialect: 'postgres', close: () => db.destroy() };
	}

	if (target.filename !== ':memory:') mkdirSync(dirname(target.filename), { recursive: true });
	const sqlite = new SQLite(target.filename);
	// WAL lets readers continue while one writer commits; busy_timeout makes a second
	// connection (another process, a test's second Kysely) wait instead of failing.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Applies every pending migration; throws the first failure. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const result = await migrator.migrateToLatest();
	if (result.error) throw result.error;
	return result;
}
