import { json } from '@sveltejs/kit';
import { paymentDeps } from '$lib/server/context';
import { readJson, respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { matchTransfer } from '$lib/server/payments/manual-match';
import type { RequestHandler } from './$types';

/** The officer's manual match `{ transferId, obligationId }` of an unmatched bank transfer → the obligation, now paid. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const staff = requireStaff(locals.account);
		return json(await matchTransfer(await paymentDeps(), staff, params.id, await readJson(request)));
	});
