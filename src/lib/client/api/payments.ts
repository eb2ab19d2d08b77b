/** Fees and results: start paying an obligation of my dossier (VNPay URL or VietQR payload), rate the service. (A result file is one of the dossier's files: `dossiersApi().file`.) */
import { startPaymentAnswerSchema, type StartPayment } from '$lib/domain/wire/payments';
import { postalTariffAnswerSchema, ratingViewSchema, type RatingRequest } from '$lib/domain/wire/results';
import { createCall, data, defaultFetch, send } from './request';

export function paymentsApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	const dossier = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;
	return {
		/** POST /api/dossiers/{id}/payments */
		startPayment: (dossierId: string, request: StartPayment) => data(call(startPaymentAnswerSchema, `${dossier(dossierId)}/payments`, send('POST', request))),
		/** POST /api/dossiers/{id}/rating: once, after the result. */
		rateDossier: (dossierId: string, request: RatingRequest) => data(call(ratingViewSchema, `${dossier(dossierId)}/rating`, send('POST', request))),
		/** GET /api/postal-tariff: this deployment's postal tariff (the shipped one stands in offline). */
		postalTariff: () => data(call(postalTariffAnswerSchema, '/api/postal-tariff'))
	};
}
