import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { unmatchedTransfers } from '$lib/server/payments/manual-match';
import type { RequestHandler } from './$types';

/** Bank-statement lines no obligation took, for a person to match by hand (`?amount=` in đồng: only those). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		requireStaff(locals.account);
		const raw = url.searchParams.get('amount');
		if (raw !== null && !/^\d{1,10}$/.test(raw)) throw new ApiError('invalid_input', 'Số tiền phải là số nguyên đồng.', { fields: { amount: 'Số nguyên đồng' } });
		const { db } = await dossierDeps();
		return json({ transfers: await unmatchedTransfers(db, raw === null ? {} : { amount: Number(raw) }) });
	});
