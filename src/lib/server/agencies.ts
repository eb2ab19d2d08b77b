/**
 * The receiving agencies of data/agencies.json, validated at start and mirrored into the
 * `agencies` table (officer accounts and dossier codes refer to them).
 */
import type { Kysely } from 'kysely';
import raw from '$data/agencies.json';
import { agencyFileSchema, type Agency } from '$lib/domain/agency';
import type { Database } from './db/types';

export const agencyFile = agencyFileSchema.parse(raw);
export const agencies: Agency[] = agencyFile.agencies;

export function agenciesOfKind(kind: string): Agency[] {
	return agencies.filter((a) => a.kind === kind);
}

export function findAgency(code: string): Agency | undefined {
	return agencies.find((a) => a.code === code);
}

export async function syncAgencies(db: Kysely<Database>) {
	for (const a of agencies) {
		await db
			.insertInto('agencies')
			.values({ code: a.code, name: a.name, kind: a.kind, province_code: a.provinceCode, commune_code: a.communeCode })
			.onConflict((oc) => oc.column('code').doUpdateSet({ name: a.name, kind: a.kind, province_code: a.provinceCode, commune_code: a.communeCode }))
			.execute();
	}
}

/** An agency's code and name as stored, for the officer pages. */
export async function agencyNamed(db: Kysely<Database>, code: string): Promise<{ code: string; name: string } | undefined> {
	return db.selectFrom('agencies').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function listAgencyNames(db: Kysely<Database>): Promise<{ code: string; name: string }[]> {
	return db.selectFrom('agencies').select(['code', 'name']).orderBy('name').execute();
}
