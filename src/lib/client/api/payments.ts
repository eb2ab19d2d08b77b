/** Payments: start paying an obligation of my dossier (VNPay URL or VietQR payload). */
import { startPaymentAnswerSchema, type StartPayment } from '$lib/domain/wire/payments';
import { createCall, data, defaultFetch, send } from './request';

export function paymentsApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** POST /api/dossiers/{id}/payments */
		startPayment: (dossierId: string, request: StartPayment) =>
			data(call(startPaymentAnswerSchema, `/api/dossiers/${encodeURIComponent(dossierId)}/payments`, send('POST', request)))
	};
}
