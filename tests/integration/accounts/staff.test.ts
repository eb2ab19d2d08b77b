import { describe, expect, it } from 'vitest';
import { createOfficer, DEMO_ACCOUNTS, DEMO_AGENCY, seedDemoAccounts, signIn } from '$lib/server/accounts';
import { accountError, makeDeps, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const officer = {
	role: 'officer' as const,
	agencyCode: DEMO_AGENCY.code,
	fullName: 'Đỗ Minh Tâm',
	idNumber: '001088004321',
	phone: '0983 111 222'
};

describe('staff accounts', () => {
	forEachDatabase((t) => {
		it('seeds a demo citizen, officer and administrator who can sign in, idempotently', async () => {
			const deps = makeDeps(t().db);
			const first = await seedDemoAccounts(deps);
			const again = await seedDemoAccounts(deps);
			expect(again).toEqual(first);
			expect(first.map((c) => c.role)).toEqual(['citizen', 'officer', 'admin']);
			for (const demo of first) {
				const { account } = await signIn(deps, { identifier: demo.idNumber, password: demo.password, ip: '10.0.0.1' });
				expect(account.role).toBe(demo.role);
			}
			expect(await deps.db.selectFrom('accounts').select('id').execute()).toHaveLength(3);
		});

		it('refuses to seed demo accounts in production', async () => {
			const deps = { ...makeDeps(t().db), config: { env: 'production' as const } };
			await expect(seedDemoAccounts(deps)).rejects.toThrow(/never created in production/);
		});

		it('lets an administrator create an officer with a one-time temporary password', async () => {
			const deps = makeDeps(t().db);
			await seedDemoAccounts(deps);
			const admin = await signIn(deps, { identifier: DEMO_ACCOUNTS[2].idNumber, password: DEMO_ACCOUNTS[2].password, ip: '10.0.0.1' });
			const result = await createOfficer(deps, admin.account.id, officer);
			expect(result.account).toMatchObject({ role: 'officer', agencyCode: DEMO_AGENCY.code, status: 'active', phone: '0983111222' });
			expect(result.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
			const signedIn = await signIn(deps, { identifier: officer.idNumber, password: result.temporaryPassword!, ip: '10.0.0.2' });
			expect(signedIn.account.role).toBe('officer');
			const duplicate = await accountError(createOfficer(deps, admin.account.id, { ...officer, phone: '0983111333' }));
			expect(duplicate.fields?.idNumber).toMatch(/đã được dùng/);
			const unknownAgency = await accountError(createOfficer(deps, admin.account.id, { ...officer, idNumber: '001088009999', phone: '0983111444', agencyCode: 'XYZ' }));
			expect(unknownAgency.fields?.agencyCode).toMatch(/Không có cơ quan mã XYZ/);
		});

		it('refuses officer creation by anyone but an active administrator', async () => {
			const deps = makeDeps(t().db);
			await seedDemoAccounts(deps);
			const citizenId = await registerActive(deps);
			const demoOfficer = await signIn(deps, { identifier: DEMO_ACCOUNTS[1].idNumber, password: DEMO_ACCOUNTS[1].password, ip: '10.0.0.1' });
			for (const actor of [citizenId, demoOfficer.account.id, 'no-such-account']) {
				const error = await accountError(createOfficer(deps, actor, officer));
				expect(error.code).toBe('forbidden');
			}
			const admin = await deps.db.selectFrom('accounts').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
			await deps.db.updateTable('accounts').set({ status: 'locked' }).where('id', '=', admin.id).execute();
			expect((await accountError(createOfficer(deps, admin.id, officer))).code).toBe('forbidden');
			expect(await deps.db.selectFrom('accounts').select('id').where('id_number', '=', officer.idNumber).execute()).toEqual([]);
		});
	});
});
