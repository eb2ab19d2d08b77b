/**
 * Development only: a newcomer who sends any procedure must find it on a desk. Demo officers
 * for the agencies of the demo citizen's commune and province are seeded at start, and when a
 * dossier arrives for an agency that has no officer yet, its demo officer is made then (and
 * printed in the log). Every demo account is listed with its password in `demo_accounts`,
 * shown at /dev/accounts; production never makes any (`seedDemoAccounts` refuses it too).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DevAccount } from '$lib/domain/wire/workflow';
import type { Database } from '../db/types';
import { isoNow, type AccountDeps } from './deps';
import { insertStaff } from './staff';
import { isUniqueViolation } from './store';

export const DEMO_OFFICER_PASSWORD = 'can-bo-thu-nghiem-2025';

export async function rememberDemoAccount(deps: AccountDeps, accountId: string, password: string) {
	await deps.db
		.insertInto('demo_accounts')
		.values({ account_id: accountId, password, created_at: isoNow(deps) })
		.onConflict((oc) => oc.column('account_id').doUpdateSet({ password }))
		.execute();
}

/** A made-up but well-formed ID number and phone per agency (province 001, woman born 1985), stable across restarts. */
function demoIdentity(agencyCode: string, attempt: number) {
	const n = parseInt(createHash('sha256').update(`${agencyCode}#${attempt}`).digest('hex').slice(0, 8), 16) % 1_000_000;
	const six = String(n).padStart(6, '0');
	return { idNumber: `001185${six}`, phone: `0918${six}` };
}

/**
 * The agency's demo officer, made if the agency has no active officer yet. Returns the new
 * account's credentials, or null when the agency already had an officer (or is unknown).
 */
export async function ensureDemoOfficer(deps: AccountDeps, agencyCode: string): Promise<DevAccount | null> {
	if (deps.config.env === 'production') return null;
	const { db } = deps;
	const agency = await db.selectFrom('agencies').select(['code', 'name']).where('code', '=', agencyCode).executeTakeFirst();
	if (!agency) return null;
	for (let attempt = 0; attempt < 5; attempt++) {
		if (await hasOfficer(db, agencyCode)) return null;
		const { idNumber, phone } = demoIdentity(agencyCode, attempt);
		const fullName = `Cán bộ ${agency.name}`.slice(0, 100);
		try {
			const row = await insertStaff(deps, { role: 'officer', agencyCode, fullName, idNumber, phone, password: DEMO_OFFICER_PASSWORD });
			await rememberDemoAccount(deps, row.id, DEMO_OFFICER_PASSWORD);
			return { role: 'officer', fullName, identifier: idNumber, password: DEMO_OFFICER_PASSWORD, agencyCode };
		} catch (error) {
			// Two dossiers for a new agency at once, or a number already taken: look again.
			if (!isUniqueViolation(error) && (error as { code?: string }).code !== 'duplicate') throw error;
		}
	}
	return null;
}

async function hasOfficer(db: Kysely<Database>, agencyCode: string): Promise<boolean> {
	const row = await db.selectFrom('accounts').select('id').where('role', '=', 'officer').where('agency_code', '=', agencyCode).where('status', '=', 'active').executeTakeFirst();
	return Boolean(row);
}

/**
 * The agencies of the communes the demo journeys send to, of the demo citizen's province, and
 * any listed by code: an officer for each that has none (the others get theirs when a dossier arrives).
 */
export async function seedDemoOfficers(
	deps: AccountDeps,
	place: { provinceCode: string; communeCodes: readonly string[]; agencyCodes?: readonly string[] }
): Promise<DevAccount[]> {
	const agencies = await deps.db
		.selectFrom('agencies')
		.select('code')
		.where((eb) =>
			eb.or([
				eb('commune_code', 'in', [...place.communeCodes]),
				eb.and([eb('province_code', '=', place.provinceCode), eb('commune_code', 'is', null)]),
				...(place.agencyCodes?.length ? [eb('code', 'in', [...place.agencyCodes])] : [])
			])
		)
		.orderBy('code')
		.execute();
	const made: DevAccount[] = [];
	for (const a of agencies) {
		const officer = await ensureDemoOfficer(deps, a.code);
		if (officer) made.push(officer);
	}
	return made;
}

/** The statuses still on a desk (as the inbox counts them). */
const ON_DESK = [1, 2, 4, 5, 6, 9];

/**
 * Every demo account with its password and agency, for /dev/accounts: officers whose desk has
 * dossiers waiting come first, so a newcomer signs in as the officer who has their dossier.
 */
export async function listDemoAccounts(db: Kysely<Database>): Promise<DevAccount[]> {
	const rows = await db
		.selectFrom('demo_accounts')
		.innerJoin('accounts', 'accounts.id', 'demo_accounts.account_id')
		.leftJoin('agencies', 'agencies.code', 'accounts.agency_code')
		.select(['accounts.role', 'accounts.full_name', 'accounts.id_number', 'accounts.agency_code', 'agencies.name as agency_name', 'demo_accounts.password'])
		.execute();
	const waiting = new Map(
		(
			await db
				.selectFrom('dossiers')
				.select(['agency_code', sql<number>`count(*)`.as('n')])
				.where('status', 'in', ON_DESK)
				.groupBy('agency_code')
				.execute()
		).map((r) => [r.agency_code, Number(r.n)])
	);
	const order = { citizen: 0, officer: 1, admin: 2 } as const;
	return rows
		.map((r) => ({
			role: r.role,
			fullName: r.full_name,
			identifier: r.id_number,
			password: r.password,
			agencyCode: r.agency_code,
			agencyName: r.agency_name ?? null,
			waiting: r.role === 'officer' && r.agency_code ? (waiting.get(r.agency_code) ?? 0) : 0
		}))
		.sort((a, b) => order[a.role] - order[b.role] || b.waiting - a.waiting || (a.agencyCode ?? '').localeCompare(b.agencyCode ?? '') || a.fullName.localeCompare(b.fullName));
}

/** The latest dossiers and the demo officer of the desk each went to ("where did my dossier go?"). */
export async function recentDossierDesks(db: Kysely<Database>, limit = 20) {
	const rows = await db
		.selectFrom('dossiers')
		.innerJoin('agencies', 'agencies.code', 'dossiers.agency_code')
		.select(['dossiers.code', 'dossiers.procedure_code', 'dossiers.status', 'dossiers.received_at', 'dossiers.agency_code', 'agencies.name as agency_name'])
		.orderBy('dossiers.received_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ code: r.code, procedureCode: r.procedure_code, status: Number(r.status), receivedAt: new Date(r.received_at).toISOString(), agencyCode: r.agency_code, agencyName: r.agency_name }));
}
