/** The catalogue: search and one procedure (answered by the service worker when offline). */
import type { Facets, ProcedureListAnswer } from '$lib/domain/wire/catalogue';
import { readFacets, readProcedure, readProcedureListAnswer } from '$lib/domain/wire/catalogue-readers';
import type { ApiErrorBody } from '$lib/domain/wire/envelope';
import { ApiFailure, createCall, data, defaultFetch } from './request';

export function catalogueApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/procedures?q=&agency=&level=&tier=&field= */
		searchProcedures: (params: URLSearchParams) => data(call(readProcedureListAnswer, `/api/procedures?${params}`)),
		/** GET /api/procedures/{code} */
		getProcedure: (code: string) => data(call(readProcedure, `/api/procedures/${encodeURIComponent(code)}`))
	};
}

export type ProcedureListPage = Partial<ProcedureListAnswer> & { error?: ApiErrorBody; facets?: Facets };

/** What /procedures shows: the results, or the message of a bad filter with the filter menus to fix it. */
export async function procedureListPage(fetcher: typeof fetch, params: URLSearchParams): Promise<ProcedureListPage> {
	try {
		return await catalogueApi(fetcher).searchProcedures(params);
	} catch (error) {
		if (!(error instanceof ApiFailure) || error.kind !== 'http') throw error;
		const facets = readFacets((error.extra as { facets?: unknown } | undefined)?.facets);
		return { error: { code: error.code, message: error.message, fields: error.fields }, facets };
	}
}

export { ApiFailure };
