/**
 * The catalogue API answered the same way by the server (+server.ts) and by the service
 * worker from the precached catalogue when offline: one function, two callers.
 */
import type { Procedure } from './procedure';
import { toSummary } from './procedure-summary';
import { createSearchIndex, parseProcedureQuery, searchProcedures } from './search';
import { errorEnvelope } from './wire/envelope';

export type ApiAnswer = { status: number; body: unknown };

/** The values each filter can take, for the filter menus of /procedures. */
function facetsOf(procedures: Procedure[]) {
	const agencies = new Map(procedures.map((p) => [p.agency.id, p.agency.name]));
	return {
		agencies: [...agencies].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
		fields: [...new Set(procedures.map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi')),
		tiers: [...new Set(procedures.map((p) => p.tier))],
		levels: [...new Set(procedures.map((p) => p.onlineLevel))]
	};
}

export function createCatalogueApi(procedures: Procedure[]) {
	const index = createSearchIndex(procedures.map(toSummary));
	const facets = facetsOf(procedures);
	const byCode = new Map(procedures.map((p) => [p.code, p]));
	return {
		list(params: URLSearchParams): ApiAnswer {
			const parsed = parseProcedureQuery(params);
			if (!parsed.ok) return { status: 400, body: { ...errorEnvelope(parsed.error.code, parsed.error.message, parsed.error.fields), facets } };
			const result = searchProcedures(index, parsed.query);
			return {
				status: 200,
				body: {
					...result,
					facets,
					message: result.total === 0 ? 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khoá ngắn hơn hoặc bỏ bớt bộ lọc.' : undefined
				}
			};
		},
		get(code: string): ApiAnswer {
			const p = byCode.get(code);
			if (!p) return { status: 404, body: errorEnvelope('procedure_not_found', `Không tìm thấy thủ tục có mã "${code.slice(0, 40)}".`) };
			return { status: 200, body: p };
		}
	};
}
