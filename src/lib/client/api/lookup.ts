/** Tra cứu hồ sơ: GET /api/lookup by exact dossier code or ID number. */
import { lookupAnswerSchema, type LookupQuery } from '$lib/domain/wire/lookup';
import { createCall, data, defaultFetch, noStore } from './request';

export function lookupApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/lookup?code=… | ?idNumber=… → one entry per dossier found (masked unless it is the caller's). */
		lookup: (query: LookupQuery) => {
			const params = new URLSearchParams('code' in query ? { code: query.code } : { idNumber: query.idNumber });
			return data(call(lookupAnswerSchema, `/api/lookup?${params}`, noStore));
		}
	};
}
