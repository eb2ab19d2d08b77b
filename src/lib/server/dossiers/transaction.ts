/**
 * One write transaction per submission, on either dialect.
 *
 * SQLite: `BEGIN IMMEDIATE` takes the write lock up front. A plain (deferred) BEGIN that
 * reads and then writes can fail at once with SQLITE_BUSY when another process committed
 * in between, instead of waiting out busy_timeout; taking the lock first makes a second
 * server process queue behind the first.
 * PostgreSQL: an ordinary READ COMMITTED transaction; the sequence upsert and the primary
 * key on dossiers.id settle races.
 */
import { sql, SqliteAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/types';

export function isSqlite(db: Kysely<Database>): boolean {
	return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function inWriteTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
	if (!isSqlite(db)) return db.transaction().execute((trx: Transaction<Database>) => work(trx));
	return db.connection().execute(async (conn) => {
		await sql`begin immediate`.execute(conn);
		try {
			const result = await work(conn);
			await sql`commit`.execute(conn);
			return result;
		} catch (error) {
			await sql`rollback`.execute(conn).catch(() => undefined);
			throw error;
		}
	});
}

/** A unique/primary-key violation (two submissions of one new id racing each other). */
export function isUniqueViolation(error: unknown): boolean {
	const e = error as { code?: string; message?: string };
	return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
