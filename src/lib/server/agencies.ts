/**
 * The receiving agencies: the directory of every commune and province (data/agencies/directory.json,
 * written by scripts/agencies.mjs, which keeps the codes of data/agencies.json), validated at
 * start and mirrored into the `agencies` table (officer accounts and dossiers refer to them).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import raw from '$data/agencies.json';
import directoryRaw from '$data/agencies/directory.json';
import unitsRaw from '$data/units/current.json';
import { agencyFileSchema } from '$lib/domain/agency';
import { decodeAgencyDirectory, type DirectoryAgency } from '$lib/domain/agency-directory';
import { decodeCurrentUnits } from '$lib/domain/units';
import type { Database } from './db/types';

/** Agency kinds and their names (data/agencies.json). */
export const agencyFile = agencyFileSchema.parse(raw);
/** The 2025 administrative units the directory and addresses are checked against. */
export const currentUnits = decodeCurrentUnits(unitsRaw);
export const agencyDirectory = decodeAgencyDirectory(directoryRaw, currentUnits);
export const agencies: readonly DirectoryAgency[] = agencyDirectory.agencies;

export function findAgency(code: string): DirectoryAgency | undefined {
	return agencyDirectory.byCode.get(code);
}

const DIRECTORY_VERSION = createHash('sha256').update(JSON.stringify(directoryRaw)).digest('hex').slice(0, 32);
const BATCH = 500;

/** Writes the directory into the `agencies` table when it changed since the last start (10,000 rows). */
export async function syncAgencies(db: Kysely<Database>) {
	const stored = await db.selectFrom('reference_versions').select('version').where('name', '=', 'agencies').executeTakeFirst();
	if (stored?.version === DIRECTORY_VERSION) return;
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < agencies.length; i += BATCH) {
			const rows = agencies.slice(i, i + BATCH).map((a) => ({ code: a.code, name: a.name, kind: a.kind, province_code: a.provinceCode, commune_code: a.communeCode }));
			await trx
				.insertInto('agencies')
				.values(rows)
				.onConflict((oc) =>
					oc.column('code').doUpdateSet((eb) => ({
						name: eb.ref('excluded.name'),
						kind: eb.ref('excluded.kind'),
						province_code: eb.ref('excluded.province_code'),
						commune_code: eb.ref('excluded.commune_code')
					}))
				)
				.execute();
		}
		await trx
			.insertInto('reference_versions')
			.values({ name: 'agencies', version: DIRECTORY_VERSION })
			.onConflict((oc) => oc.column('name').doUpdateSet({ version: DIRECTORY_VERSION }))
			.execute();
	});
}

/** An agency's code and name as stored, for the officer pages. */
export async function agencyNamed(db: Kysely<Database>, code: string): Promise<{ code: string; name: string } | undefined> {
	return db.selectFrom('agencies').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

/** Agencies an administrator can attach an officer to: one province's (10,000 in all), plus those without a province. */
export async function listAgencyNames(db: Kysely<Database>, provinceCode?: string): Promise<{ code: string; name: string }[]> {
	return db
		.selectFrom('agencies')
		.select(['code', 'name'])
		.where((eb) => (provinceCode ? eb.or([eb('province_code', '=', provinceCode), eb('province_code', 'is', null)]) : eb('province_code', 'is', null)))
		.orderBy('name')
		.execute();
}
