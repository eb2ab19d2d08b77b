/** Issue 12, defect 12: the first administrator of a deployment, made by `npm run create-admin`. */
import { describe, expect, it } from 'vitest';
import { signIn } from '$lib/server/accounts';
import { createFirstAdmin } from '$lib/server/accounts/first-admin';
import { accountError, makeDeps } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const admin = { fullName: 'Nguyễn Văn Quản', idNumber: '001090000001', phone: '0912000019' };

describe('the first administrator', () => {
	forEachDatabase((t) => {
		it('is created once with a temporary password that signs in; a second is refused', async () => {
			const deps = makeDeps(t().db);
			const { account, temporaryPassword } = await createFirstAdmin(deps, admin);
			expect(account).toMatchObject({ role: 'admin', fullName: 'Nguyễn Văn Quản' });
			const session = await signIn(deps, { identifier: admin.phone, password: temporaryPassword!, ip: '127.0.0.1' });
			expect(session.account.role).toBe('admin');
			const second = await accountError(createFirstAdmin(deps, { ...admin, idNumber: '001090000002', phone: '0912000029' }));
			expect([second.status, second.code]).toEqual([403, 'forbidden']);
		});

		it('names a bad field in Vietnamese', async () => {
			const refused = await accountError(createFirstAdmin(makeDeps(t().db), { ...admin, idNumber: '123' }));
			expect(Object.keys(refused.fields ?? {})).toEqual(['idNumber']);
		});
	});
});
