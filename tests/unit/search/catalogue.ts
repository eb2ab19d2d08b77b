/**
 * The catalogue the ranking tests run against: the real data/procedures/*.json once it
 * holds enough procedures to rank meaningfully, else the fixture from the research notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue, toSummary, type ProcedureSummary } from '$lib/domain/procedure';
import { fixtureCatalogue } from './fixture';

const dir = join(import.meta.dirname, '../../../data/procedures');
const MIN_REAL = 12;

function loadReal(): ProcedureSummary[] {
	let files: string[] = [];
	try {
		files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	} catch {
		return [];
	}
	const entries = files.map((file) => ({ file, data: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
	return parseCatalogue(entries).map(toSummary);
}

const real = loadReal();
export const usingRealCatalogue = real.length >= MIN_REAL;
export const catalogue: ProcedureSummary[] = usingRealCatalogue ? real : fixtureCatalogue;
