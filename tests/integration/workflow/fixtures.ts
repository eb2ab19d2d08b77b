/** A received dossier of the demo police agency, its officers, and action requests, for the workflow tests. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { syncAgencies } from '$lib/server/agencies';
import type { Database } from '$lib/server/db/types';
import { submitDossier } from '$lib/server/dossiers/submit';
import type { ActingAccount, WorkflowDeps } from '$lib/server/workflow/actions';
import { createAccount, giveBlob, limits, manifest, MONDAY_10AM, POLICE_SOC_SON, sha } from '../dossiers/fixtures';

export { MONDAY_10AM, POLICE_SOC_SON, manifest, giveBlob, sha, limits };

export async function createOfficer(db: Kysely<Database>, agencyCode: string, fullName = 'Trần Thị Cán Bộ'): Promise<ActingAccount> {
	const id = await createAccount(db, '', { agencyCode, fullName });
	return { id, role: 'officer', agencyCode, fullName };
}

export async function citizen(db: Kysely<Database>, suffix = 'A'): Promise<ActingAccount> {
	const id = await createAccount(db, suffix);
	return { id, role: 'citizen', agencyCode: null, fullName: `Nguyễn Văn ${suffix}` };
}

export interface World {
	deps: WorkflowDeps;
	owner: ActingAccount;
	officer: ActingAccount;
	colleague: ActingAccount;
	foreign: ActingAccount;
	dossierId: string;
	clock: { now: Date; advance(minutes: number): void };
}

/** One dossier received Monday 10:00 at Công an xã Sóc Sơn with one attachment; officers of that agency and of another. */
export async function world(db: Kysely<Database>): Promise<World> {
	await syncAgencies(db);
	const clock = {
		now: MONDAY_10AM,
		advance(minutes: number) {
			this.now = new Date(this.now.getTime() + minutes * 60_000);
		}
	};
	const deps: WorkflowDeps = { db, config: { upload: limits }, now: () => clock.now };
	const owner = await citizen(db, 'A');
	await giveBlob(db, owner.id, sha(1));
	const dossierId = randomUUID();
	await submitDossier(deps, owner.id, dossierId, manifest({}, [{ sha256: sha(1) }]));
	const officer = await createOfficer(db, POLICE_SOC_SON, 'Trần Thị Cán Bộ');
	const colleague = await createOfficer(db, POLICE_SOC_SON, 'Lê Văn Đồng Nghiệp');
	const foreign = await createOfficer(db, '001.11.30.H40', 'Hồ Thị Tỉnh Khác');
	return { deps, owner, officer, colleague, foreign, dossierId, clock };
}

export const act = (action: string, extra: Record<string, unknown> = {}) => ({ requestId: randomUUID(), action, ...extra });
