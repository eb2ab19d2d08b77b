import { json } from '@sveltejs/kit';
import { startPaymentSchema } from '$lib/domain/wire/payments';
import { paymentDeps } from '$lib/server/context';
import { readJson, requireAccount, respond } from '$lib/server/http/respond';
import { startPayment } from '$lib/server/payments/start';
import type { RequestHandler } from './$types';

/** Start paying one obligation of my dossier: `{ paymentId, redirectUrl }` (VNPay) or `{ paymentId, vietqr }`. */
export const POST: RequestHandler = ({ params, request, locals, url, getClientAddress }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const body = await readJson(request, startPaymentSchema, 'Yêu cầu thanh toán chưa hợp lệ');
		const answer = await startPayment(await paymentDeps(), { accountId, ip: getClientAddress(), origin: url.origin }, params.id, body);
		return json(answer, { status: 201 });
	});
