/**
 * The same access rules at the handler level, on SQLite and PostgreSQL: the profile API
 * only ever touches the session's own account, and the staff check admits officers and
 * administrators only.
 */
import { describe, expect, it } from 'vitest';
import { createOfficer, seedDemoAccounts, toAccountView, type AccountView } from '$lib/server/accounts';
import { findAccountById } from '$lib/server/accounts/store';
import { readOwnProfile, updateOwnProfile } from '$lib/server/accounts/profile-api';
import { checkStaff } from '$lib/server/officer/access';
import { forEachDatabase } from '../helpers/databases';
import { makeDeps, registerActive } from '../helpers/accounts';

describe('profile API and staff check', () => {
	forEachDatabase((t) => {
		async function people() {
			const deps = makeDeps(t().db);
			const view = async (id: string) => toAccountView((await findAccountById(deps.db, id))!);
			const a = await view(await registerActive(deps));
			const b = await view(await registerActive(deps, { fullName: 'Đỗ Văn Bình', idNumber: '001095007777', dateOfBirth: '03/03/1995', sex: 'nam', phone: '0981 000 111', email: 'binh@example.vn' }));
			await seedDemoAccounts(deps);
			const admin = (await deps.db.selectFrom('accounts').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
			const { account: officer } = await createOfficer(deps, admin, { role: 'officer', agencyCode: '000.00.19.H47', fullName: 'Vũ Thị Cán', idNumber: '001186000555', phone: '0912000099' });
			return { deps, a, b, officer };
		}

		it('answers 401 without a session and the own account with one', async () => {
			const { deps, a } = await people();
			expect((await readOwnProfile({ account: null })).status).toBe(401);
			expect((await updateOwnProfile(deps, { account: null }, { fullName: 'X Y' })).status).toBe(401);
			const body = await (await readOwnProfile({ account: a })).json();
			expect(body.account.id).toBe(a.id);
		});

		it("changes only the session's account, whatever id the body names", async () => {
			const { deps, a, b } = await people();
			const response = await updateOwnProfile(deps, { account: a }, { id: b.id, role: 'admin', fullName: 'Phạm Thị Hoa Mới' });
			expect(response.status).toBe(200);
			expect((await findAccountById(deps.db, a.id))).toMatchObject({ full_name: 'Phạm Thị Hoa Mới', role: 'citizen' });
			expect((await findAccountById(deps.db, b.id))?.full_name).toBe('Đỗ Văn Bình');
		});

		it("refuses taking another citizen's phone with 409 and a clear message", async () => {
			const { deps, a, b } = await people();
			const response = await updateOwnProfile(deps, { account: a }, { phone: b.phone });
			expect(response.status).toBe(409);
			expect((await response.json()).error.fields.phone).toMatch(/đã được dùng/);
		});

		it('admits officers and administrators to the officer area, refuses citizens (403) and visitors (401)', async () => {
			const { a, officer } = await people();
			expect(checkStaff(null)).toMatchObject({ ok: false, status: 401 });
			expect(checkStaff(a)).toMatchObject({ ok: false, status: 403 });
			expect(checkStaff(officer)).toMatchObject({ ok: true });
			expect(checkStaff(officer, ['admin'])).toMatchObject({ ok: false, status: 403 });
			const locked: AccountView = { ...officer, status: 'locked' };
			expect(checkStaff(locked)).toMatchObject({ ok: false, status: 403 });
		});
	});
});
