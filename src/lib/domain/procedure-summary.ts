/**
 * The list view of a procedure: what search results and the catalogue index carry. Kept out of
 * ./procedure.ts, whose catalogue schema (classic zod, for the build and the server) no browser
 * code needs: the service worker and the catalogue page import this instead.
 */
import type { Procedure } from './procedure';

export type ProcedureSummary = Pick<
	Procedure,
	'code' | 'name' | 'nameEn' | 'keywords' | 'field' | 'tier' | 'agency' | 'onlineLevel' | 'summary'
>;

export function toSummary(p: Procedure): ProcedureSummary {
	const { code, name, nameEn, keywords, field, tier, agency, onlineLevel, summary } = p;
	return { code, name, ...(nameEn ? { nameEn } : {}), keywords, field, tier, agency, onlineLevel, summary };
}
