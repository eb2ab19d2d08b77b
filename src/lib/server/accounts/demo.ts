import { randomUUID } from 'node:crypto';
import type { AccountRow } from '../db/types';
import { isoNow, type AccountDeps } from './deps';
import { hashPassword } from './passwords';
import { insertStaff } from './staff';
import { rememberDemoAccount } from './demo-officers';

/** Made-up agency for the demo officer (code shape from QĐ 20/2020/QĐ-TTg, example value). */
export const DEMO_AGENCY = { code: '000.00.19.H47', name: 'Bộ phận một cửa (dữ liệu minh hoạ)', kind: 'commune', province_code: null, commune_code: null };

export interface DemoCredentials {
	role: AccountRow['role'];
	fullName: string;
	idNumber: string;
	phone: string;
	password: string;
}

/** Where the demo citizen lives (also their permanent address below): demo officers are seeded for its agencies. */
export const DEMO_CITIZEN_PLACE = { provinceCode: '01', communeCode: '00004' };

/**
 * The communes the demo journeys send dossiers to: the demo citizen's ward (Ba Đình) and Sóc
 * Sơn (the temporary residence of the demo drafts and the guide's example). With the agencies
 * the send page offers (data/agencies.json), each gets a demo officer at start, so a newcomer
 * finds the dossier on a desk at once; any other agency gets one when its first dossier arrives.
 */
export const DEMO_JOURNEY_COMMUNES = ['00004', '00376'] as const;

/** ID numbers are well-formed (province 001, sex/century digit, year) but made up. */

export const DEMO_ACCOUNTS: readonly DemoCredentials[] = [
	{ role: 'citizen', fullName: 'Nguyễn Văn Dân', idNumber: '001090012345', phone: '0912000001', password: 'dan-thu-nghiem-2025' },
	{ role: 'officer', fullName: 'Trần Thị Cán Bộ', idNumber: '001185000001', phone: '0912000002', password: 'can-bo-thu-nghiem-2025' },
	{ role: 'admin', fullName: 'Lê Văn Quản Trị', idNumber: '001080000002', phone: '0912000003', password: 'quan-tri-thu-nghiem-2025' }
];

/**
 * Development only: makes sure the demo citizen, officer and administrator exist with
 * their known passwords, and returns the credentials to show on the development page.
 * Idempotent; running it again resets the demo passwords.
 */
export async function seedDemoAccounts(deps: AccountDeps): Promise<DemoCredentials[]> {
	if (deps.config.env === 'production') throw new Error('Demo accounts are never created in production');
	const { db } = deps;
	await db.insertInto('agencies').values(DEMO_AGENCY).onConflict((oc) => oc.column('code').doNothing()).execute();
	const desk = await demoDeskAgency(deps);
	for (const demo of DEMO_ACCOUNTS) {
		const existing = await db.selectFrom('accounts').select('id').where('id_number', '=', demo.idNumber).executeTakeFirst();
		if (existing) {
			await db
				.updateTable('accounts')
				.set({
					password_hash: await hashPassword(demo.password, deps.passwordParams),
					status: 'active',
					updated_at: isoNow(deps),
					// An older data folder had the demo officer and administrator at the made-up desk nobody sends to.
					...(demo.role === 'citizen' ? {} : { agency_code: demo.role === 'officer' ? desk : null })
				})
				.where('id', '=', existing.id)
				.execute();
		} else if (demo.role === 'citizen') {
			const now = isoNow(deps);
			await db
				.insertInto('accounts')
				.values({
					id: randomUUID(),
					role: 'citizen',
					agency_code: null,
					full_name: demo.fullName,
					id_number: demo.idNumber,
					pending_id_number: null,
					date_of_birth: '1990-05-15',
					sex: 'nam',
					phone: demo.phone,
					email: 'dan@example.vn',
					permanent_address: JSON.stringify({ ...DEMO_CITIZEN_PLACE, street: 'Số 1, phố Minh hoạ' }),
					password_hash: await hashPassword(demo.password, deps.passwordParams),
					status: 'active',
					created_at: now,
					updated_at: now
				})
				.execute();
		} else {
			// The administrator belongs to no agency: its desk is the read-only view across all of them.
			await insertStaff(deps, { ...demo, role: demo.role, agencyCode: demo.role === 'officer' ? desk : null });
		}
		const row = await db.selectFrom('accounts').select('id').where('id_number', '=', demo.idNumber).executeTakeFirstOrThrow();
		await rememberDemoAccount(deps, row.id, demo.password);
	}
	return DEMO_ACCOUNTS.map((demo) => ({ ...demo }));
}

/**
 * The demo officer's desk: the People's Committee of the demo citizen's ward, where the
 * civil-status dossiers of the demo journeys go (the made-up desk only when the directory is
 * not loaded, as in some tests).
 */
export async function demoDeskAgency(deps: Pick<AccountDeps, 'db'>): Promise<string> {
	const ubnd = await deps.db
		.selectFrom('agencies')
		.select('code')
		.where('commune_code', '=', DEMO_CITIZEN_PLACE.communeCode)
		.where('kind', '=', 'ubnd-xa')
		.executeTakeFirst();
	return ubnd?.code ?? DEMO_AGENCY.code;
}
