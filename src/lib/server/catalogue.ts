/**
 * The procedure catalogue shipped in data/procedures/*.json, validated with the domain
 * schema when this module loads: at build (prerendering imports it) and at server start.
 * A broken entry stops both with a message naming the entry and the field.
 */
import { parseCatalogue, toSummary, type Procedure, type ProcedureSummary } from '$lib/domain/procedure';

const files = import.meta.glob('/data/procedures/*.json', { eager: true, import: 'default' });

export const procedures: Procedure[] = parseCatalogue(
	Object.entries(files).map(([path, data]) => ({ file: path.split('/').pop()!, data }))
).sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(procedures.map((p) => [p.code, p]));

export function getProcedure(code: string): Procedure | undefined {
	return byCode.get(code);
}

export const summaries: ProcedureSummary[] = procedures.map(toSummary);
