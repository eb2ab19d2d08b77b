/** The catalogue: search and one procedure (answered by the service worker when offline). */
import type { Facets, ProcedureListAnswer } from '$lib/domain/wire/catalogue';
import { readFacets, readProcedure, readProcedureListAnswer } from '$lib/domain/wire/catalogue-readers';
import type { ApiErrorBody } from '$lib/domain/wire/envelope';
import type { Procedure } from '$lib/domain/procedure';
import { ApiFailure, createCall, data, defaultFetch } from './request';

/**
 * How long a procedure read in this tab is used again without asking. A link opens the
 * procedure page, then "Nộp trực tuyến", then the form: three reads of the same procedure in
 * seconds, and on 2G each one asked again is a round trip (≈ 0.5–0.8 s) before the form shows.
 */
export const PROCEDURE_REUSE_MS = 60_000;
const recent = new Map<string, { at: number; procedure: Promise<Procedure> }>();

/** In the browser only: a server's module is shared by every request and keeps nothing. */
function reused(code: string, read: () => Promise<Procedure>, now = Date.now()): Promise<Procedure> {
	if (typeof window === 'undefined') return read();
	const kept = recent.get(code);
	if (kept && now - kept.at < PROCEDURE_REUSE_MS) return kept.procedure;
	const procedure = read();
	recent.set(code, { at: now, procedure });
	// A failed read is not kept: the next one asks again (the signal may be back).
	procedure.catch(() => recent.get(code)?.procedure === procedure && recent.delete(code));
	return procedure;
}

/** Forgets the procedures kept by `getProcedure` (tests). */
export const forgetProcedures = () => recent.clear();

export function catalogueApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/procedures?q=&agency=&level=&tier=&field= */
		searchProcedures: (params: URLSearchParams) => data(call(readProcedureListAnswer, `/api/procedures?${params}`)),
		/** GET /api/procedures/{code}, asked once a minute at most in a tab (see PROCEDURE_REUSE_MS). */
		getProcedure: (code: string) => reused(code, () => data(call(readProcedure, `/api/procedures/${encodeURIComponent(code)}`)))
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
