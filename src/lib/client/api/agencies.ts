/** The competent agencies for a procedure and places (GET /api/agencies). */
import { agencyAnswerSchema } from '$lib/domain/wire/agencies';
import { createCall, data, defaultFetch } from './request';

export function agenciesApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/agencies?procedure=&communeCode=… — the applicant's residence first. */
		competentAgencies: (procedureCode: string, communeCodes: string[]) => {
			const params = new URLSearchParams({ procedure: procedureCode });
			for (const c of communeCodes) params.append('communeCode', c);
			return data(call(agencyAnswerSchema, `/api/agencies?${params}`));
		}
	};
}
