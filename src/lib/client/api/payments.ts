/** Fees and results: start paying an obligation of my dossier (VNPay URL or VietQR payload), download a result file, rate the service. */
import { startPaymentAnswerSchema, type StartPayment } from '$lib/domain/wire/payments';
import { ratingViewSchema, type RatingRequest } from '$lib/domain/wire/results';
import { createCall, data, defaultFetch, failureOf, networkFailure, send } from './request';

export function paymentsApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	const dossier = (id: string) => `/api/dossiers/${encodeURIComponent(id)}`;
	return {
		/** POST /api/dossiers/{id}/payments */
		startPayment: (dossierId: string, request: StartPayment) => data(call(startPaymentAnswerSchema, `${dossier(dossierId)}/payments`, send('POST', request))),
		/** POST /api/dossiers/{id}/rating: once, after the result. */
		rateDossier: (dossierId: string, request: RatingRequest) => data(call(ratingViewSchema, `${dossier(dossierId)}/rating`, send('POST', request))),
		/** GET /api/dossiers/{id}/results/{sha256}: the bytes of a result file. */
		async resultFile(dossierId: string, sha256: string): Promise<Blob> {
			let response: Response;
			try {
				response = await fetcher(`${dossier(dossierId)}/results/${sha256}`, { credentials: 'same-origin', cache: 'no-store' });
			} catch {
				throw networkFailure();
			}
			if (!response.ok) throw failureOf(response.status, await response.json().catch(() => undefined));
			return response.blob();
		}
	};
}
