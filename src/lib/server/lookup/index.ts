/**
 * Tra cứu hồ sơ (GET /api/lookup, the /lookup page): a dossier found by its exact code, or
 * the dossiers of an exact ID number. What a stranger sees is limited to what the counter's
 * lookup screen shows anyway — code, procedure, masked name, dates, status — and how often
 * one address may ask is counted in the database, so nobody can walk through codes or ID
 * numbers to collect who applied for what. The owner, signed in, sees their own entries in
 * full and is not counted.
 */
import type { Kysely } from 'kysely';
import { maskName } from '$lib/domain/lookup';
import { dossierReceiptSchema, statusName } from '$lib/domain/wire/dossiers';
import type { LookupEntry, LookupQuery } from '$lib/domain/wire/lookup';
import type { Database } from '../db/types';
import { rateLimited } from '../http/api-error';
import { hitRateLimit, rateLimits } from '../rate-limit';

export interface Viewer {
	accountId: string;
	idNumber: string;
}

export interface LookupDeps {
	db: Kysely<Database>;
	now?: () => Date;
}

/** A lookup by ID number lists at most this many dossiers, newest first. */
export const LOOKUP_MAX_RESULTS = 50;

export async function lookupDossiers(deps: LookupDeps, query: LookupQuery, viewer: Viewer | null, address: string): Promise<LookupEntry[]> {
	const ownQuery = viewer !== null && 'idNumber' in query && query.idNumber === viewer.idNumber;
	// Counted before the database is asked, so a miss costs the same as a hit.
	if (!ownQuery && !(viewer && 'code' in query && (await ownsCode(deps.db, viewer.accountId, query.code)))) {
		const limit = await hitRateLimit(deps.db, `lookup:address:${address}`, rateLimits.lookupPerAddress, deps.now?.());
		if (!limit.allowed) throw rateLimited(limit.retryAfterMs, 'Bạn đã tra cứu');
	}

	const found = await lookupQuery(deps.db, query).execute();

	return found.map((row) => {
		const receipt = dossierReceiptSchema.parse(JSON.parse(row.receipt));
		const own = viewer?.accountId === row.account_id;
		const status = Number(row.status);
		return {
			code: row.code,
			procedure: { code: receipt.procedureCode, name: receipt.procedureName },
			applicantName: own ? row.full_name : maskName(row.full_name),
			receivedAt: receipt.receivedAt,
			appointmentDate: row.appointment_date,
			status: { code: status, name: statusName(status) },
			...(own ? { dossierId: row.id } : {})
		};
	});
}

/**
 * The one statement a lookup reads with: exact code (unique index on dossiers.code) or exact ID
 * number (unique index on accounts.id_number, then dossiers_account_received). Exported for the
 * benchmark's EXPLAIN (bench/lookup.bench-run.ts).
 */
export function lookupQuery(db: Kysely<Database>, query: LookupQuery) {
	const rows = db
		.selectFrom('dossiers')
		.innerJoin('accounts', 'accounts.id', 'dossiers.account_id')
		.select(['dossiers.id', 'dossiers.account_id', 'dossiers.code', 'dossiers.status', 'dossiers.appointment_date', 'dossiers.receipt', 'accounts.full_name']);
	return ('code' in query ? rows.where('dossiers.code', '=', query.code) : rows.where('accounts.id_number', '=', query.idNumber))
		.orderBy('dossiers.received_at', 'desc')
		.orderBy('dossiers.code', 'desc')
		.limit(LOOKUP_MAX_RESULTS);
}

async function ownsCode(db: Kysely<Database>, accountId: string, code: string): Promise<boolean> {
	const row = await db.selectFrom('dossiers').select('id').where('code', '=', code).where('account_id', '=', accountId).executeTakeFirst();
	return Boolean(row);
}
