/**
 * Issue 12, defect 4: asking for a new activation code by ID number or phone tells nobody
 * whether such an account exists (pending, active, or none: the same answer), and one
 * address can ask only so often.
 */
import { describe, expect, it } from 'vitest';
import { activate, register, resendActivationByIdentifier } from '$lib/server/accounts';
import { rateLimits } from '$lib/server/rate-limit';
import { accountError, citizen, latestCode, makeDeps } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';

const PHONE = citizen().phone.replace(/\s/g, '');

describe('resending an activation code by identifier', () => {
	forEachDatabase((t) => {
		it('answers the same for a pending account, an active one and none, and still sends to the pending one', async () => {
			const deps = makeDeps(t().db);
			await register(deps, citizen());
			const first = await latestCode(deps.db, PHONE);
			deps.advance(2 * 60_000);
			const pending = await resendActivationByIdentifier(deps, { identifier: citizen().idNumber, ip: '10.1.0.1' });
			const missing = await resendActivationByIdentifier(deps, { identifier: '001099999999', ip: '10.1.0.1' });
			// Asked again at once: the per-account wait is not told either.
			const tooSoon = await resendActivationByIdentifier(deps, { identifier: PHONE, ip: '10.1.0.1' });
			expect(missing).toEqual(pending);
			expect(tooSoon).toEqual(pending);
			expect(pending.message).toMatch(/^Nếu số này có tài khoản đang chờ kích hoạt/);
			const resent = await latestCode(deps.db, PHONE);
			expect(resent).not.toBe(first);

			await activate(deps, { identifier: citizen().idNumber }, resent);
			expect(await resendActivationByIdentifier(deps, { identifier: citizen().idNumber, ip: '10.1.0.1' })).toEqual(pending);
		});

		it('limits one address, whatever the numbers asked for', async () => {
			const deps = makeDeps(t().db);
			for (let i = 0; i < rateLimits.codeRequestsPerIp.limit; i++)
				await resendActivationByIdentifier(deps, { identifier: `0010990000${String(i).padStart(2, '0')}`, ip: '10.1.0.2' });
			const refused = await accountError(resendActivationByIdentifier(deps, { identifier: '001099000099', ip: '10.1.0.2' }));
			expect([refused.status, refused.code]).toEqual([429, 'rate_limited']);
			// Another address is not affected.
			await resendActivationByIdentifier(deps, { identifier: '001099000099', ip: '10.1.0.3' });
		});
	});
});
