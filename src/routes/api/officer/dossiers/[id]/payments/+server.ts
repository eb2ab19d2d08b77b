import { json } from '@sveltejs/kit';
import { paymentDeps } from '$lib/server/context';
import { readJson, respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { recordCounterPayment } from '$lib/server/payments/counter';
import type { RequestHandler } from './$types';

/** A payment received at the desk `{ obligationId, tender, receiptNumber }` → the obligation, now paid. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const officer = requireStaff(locals.account);
		return json(await recordCounterPayment(await paymentDeps(), officer, params.id, await readJson(request)));
	});
