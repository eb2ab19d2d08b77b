/**
 * The running number of dossier codes, per receiving agency and per receipt day.
 *
 * One upsert, atomic on both SQLite and PostgreSQL: the first dossier of the day inserts
 * `last = 1`; every later one increments the row under its lock and reads the new value
 * back. Two server processes therefore never get the same number, and a rolled-back
 * submission gives its number back (the code stays gap-free for committed dossiers).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';

export async function nextDossierSequence(db: Kysely<Database>, agencyCode: string, day: string): Promise<number> {
	const row = await db
		.insertInto('dossier_sequences')
		.values({ agency_code: agencyCode, day, last: 1 })
		.onConflict((oc) => oc.columns(['agency_code', 'day']).doUpdateSet({ last: sql`dossier_sequences.last + 1` }))
		.returning('last')
		.executeTakeFirstOrThrow();
	return Number(row.last);
}
