/**
 * Issue 12, defect 8: one name rule on the server. A NUL in the full name was a 500 on
 * PostgreSQL only; the account name took the RTL override and markup that form name fields
 * refuse; NFD Vietnamese was stored as typed. On both databases.
 */
import { describe, expect, it } from 'vitest';
import { register, updateProfile } from '$lib/server/accounts';
import { readJson } from '$lib/server/http/respond';
import { accountError, citizen, makeDeps, registerActive } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

describe('names', () => {
	forEachDatabase((t) => {
		it('refuses a NUL, an RTL override or markup in the account name with a field message, never a 500', async () => {
			const deps = makeDeps(t().db);
			for (const fullName of ['Phạm Thị\u0000 Hoa', 'Phạm \u202EaoH', '<img src=x onerror=alert(1)>']) {
				const refused = await accountError(register(deps, citizen({ fullName })));
				expect([refused.status, refused.code], JSON.stringify(fullName)).toEqual([400, 'invalid_input']);
				expect(refused.fields?.fullName).toBeTruthy();
			}
			expect(await deps.db.selectFrom('accounts').select('id').execute()).toEqual([]);
		});

		it('stores the name NFC-normalised, at registration and on a profile change', async () => {
			const deps = makeDeps(t().db);
			const accountId = await registerActive(deps, { fullName: 'Phạm  Thị Hoà'.normalize('NFD') });
			const stored = () => deps.db.selectFrom('accounts').select('full_name').where('id', '=', accountId).executeTakeFirstOrThrow();
			expect((await stored()).full_name).toBe('Phạm Thị Hoà'.normalize('NFC'));
			await updateProfile(deps, accountId, { fullName: 'Nguyễn Văn Ơn'.normalize('NFD') });
			expect((await stored()).full_name).toBe('Nguyễn Văn Ơn'.normalize('NFC'));
			const refused = await accountError(updateProfile(deps, accountId, { fullName: 'Nguyễn \u202EnƠ' }));
			expect(refused.fields?.fullName).toMatch(/U\+202E/);
		});
	});

	it('refuses a NUL anywhere in a JSON body with a 400 the person can act on', async () => {
		const request = new Request('http://localhost/api/x', { method: 'POST', body: JSON.stringify({ note: { text: 'a\u0000b' } }) });
		const refused = await accountError(readJson(request));
		expect([refused.status, refused.code]).toEqual([400, 'invalid_request']);
		expect(refused.message).toMatch(/U\+0000/);
	});
});
