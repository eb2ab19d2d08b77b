import { json } from '@sveltejs/kit';
import { maskIdNumber } from '$lib/domain/account';
import type { SessionAnswer } from '$lib/domain/wire/accounts';
import type { RequestHandler } from './$types';

/**
 * Who the session cookie belongs to, for the offline client (it cannot read the HttpOnly
 * cookie). Only what the header and the device's account picker show; never cached.
 */
export const GET: RequestHandler = ({ locals }) => {
	const a = locals.account;
	const body: SessionAnswer = {
		account: a ? { id: a.id, fullName: a.fullName, maskedId: maskIdNumber(a.idNumber), role: a.role, agencyCode: a.agencyCode } : null
	};
	return json(body, { headers: { 'cache-control': 'no-store' } });
};
