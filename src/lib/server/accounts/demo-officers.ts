/**
 * Development only: a newcomer who sends any procedure must find it on a desk. Demo officers
 * for the agencies of the demo citizen's commune and province are seeded at start, and when a
 * dossier arrives for an agency that has no officer yet, its demo officer is made then (and
 * printed in the log). Every demo account is listed with its password in `demo_accounts`,
 * shown at /dev/accounts; production never makes any (`seedDemoAccounts` refuses it too).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
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

/** The demo citizen's commune and province: an officer for each of their agencies. */
export async function seedDemoOfficers(deps: AccountDeps, place: { provinceCode: string; communeCode: string }): Promise<DevAccount[]> {
	const agencies = await deps.db
		.selectFrom('agencies')
		.select('code')
		.where((eb) => eb.or([eb('commune_code', '=', place.communeCode), eb.and([eb('province_code', '=', place.provinceCode), eb('commune_code', 'is', null)])]))
		.orderBy('code')
		.execute();
	const made: DevAccount[] = [];
	for (const a of agencies) {
		const officer = await ensureDemoOfficer(deps, a.code);
		if (officer) made.push(officer);
	}
	return made;
}

/** Every demo account with its password and agency, for /dev/accounts. */
export async function listDemoAccounts(db: Kysely<Database>): Promise<DevAccount[]> {
	const rows = await db
		.selectFrom('demo_accounts')
		.innerJoin('accounts', 'accounts.id', 'demo_accounts.account_id')
		.select(['accounts.role', 'accounts.full_name', 'accounts.id_number', 'accounts.agency_code', 'demo_accounts.password'])
		.orderBy('accounts.role')
		.orderBy('accounts.agency_code')
		.orderBy('accounts.full_name')
		.execute();
	return rows.map((r) => ({ role: r.role, fullName: r.full_name, identifier: r.id_number, password: r.password, agencyCode: r.agency_code }));
}
