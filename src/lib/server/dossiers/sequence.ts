/**
 * The running number of dossier codes, per receiving agency and per receipt day.
 *
 * One upsert, atomic on both SQLite and PostgreSQL: the first dossier of the day inserts
 * `last = 1`; every later one increments the row under its lock and reads the new value
 * back. Two server processes therefore never get the same number, and a rolled-back
 * submission gives its number back (the code stays gap-free for committed dossiers).
 *
 * The format leaves four digits a day (9,999 dossiers per agency): an agency that passes
 * 80 % of them is warned about in the log once and listed on the administrator's page, so
 * someone can look before citizens are refused.
 */
import { sql, type Kysely } from 'kysely';
import { MAX_DAILY_SEQUENCE } from '$lib/domain/dossier';
import { vietnamDate } from '$lib/domain/time';
import { findAgency } from '../agencies';
import type { Database } from '../db/types';

/** The first number of the day at which an agency has used 80 % of its range. */
export const NEAR_DAILY_LIMIT = Math.ceil(MAX_DAILY_SEQUENCE * 0.8);

export async function nextDossierSequence(db: Kysely<Database>, agencyCode: string, day: string): Promise<number> {
	const row = await db
		.insertInto('dossier_sequences')
		.values({ agency_code: agencyCode, day, last: 1 })
		.onConflict((oc) => oc.columns(['agency_code', 'day']).doUpdateSet({ last: sql`dossier_sequences.last + 1` }))
		.returning('last')
		.executeTakeFirstOrThrow();
	const last = Number(row.last);
	if (last === NEAR_DAILY_LIMIT)
		console.warn(`[dossiers] ${agencyCode} has numbered ${last} of its ${MAX_DAILY_SEQUENCE} dossiers for ${day}; later ones that day will be refused (sequence_exhausted). Check the submission limits and who is sending.`);
	return last;
}

export interface AgencyDay {
	agencyCode: string;
	agencyName: string;
	used: number;
	limit: number;
}

/** Agencies past 80 % of today's (Vietnam day) numbers, fullest first. */
export async function agenciesNearDailyLimit(db: Kysely<Database>, now: Date = new Date()): Promise<AgencyDay[]> {
	const rows = await db
		.selectFrom('dossier_sequences')
		.select(['agency_code', 'last'])
		.where('day', '=', vietnamDate(now).date)
		.where('last', '>=', NEAR_DAILY_LIMIT)
		.orderBy('last', 'desc')
		.execute();
	return rows.map((r) => ({
		agencyCode: r.agency_code,
		agencyName: findAgency(r.agency_code)?.name ?? r.agency_code,
		used: Math.min(Number(r.last), MAX_DAILY_SEQUENCE),
		limit: MAX_DAILY_SEQUENCE
	}));
}
