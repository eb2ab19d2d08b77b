/** The schema-free reader of the search answer accepts exactly what the wire schema accepts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalogueApi } from '$lib/domain/catalogue-api';
import { parseCatalogue } from '$lib/domain/procedure';
import { procedureListAnswerSchema } from '$lib/domain/wire/catalogue';
import { readProcedure, readProcedureListAnswer } from '$lib/domain/wire/catalogue-readers';
import { procedureAnswerSchema } from '$lib/domain/wire/catalogue';

const dir = join(import.meta.dirname, '../../../data/procedures');
const procedures = parseCatalogue(
	readdirSync(dir)
		.filter((f) => /^\d\.\d{6}\.json$/.test(f))
		.map((file) => ({ file, data: JSON.parse(readFileSync(join(dir, file), 'utf8')) }))
);
const api = createCatalogueApi(procedures);
const answer = (q: string) => JSON.parse(JSON.stringify(api.list(new URLSearchParams({ q })).body)) as Record<string, unknown>;

describe('readProcedureListAnswer', () => {
	const good = [answer('khai sinh'), answer('ket hon'), answer('zzzz khong co')];
	const first = (good[0].items as object[])[0];
	const bad: unknown[] = [
		null,
		{},
		{ ...good[0], total: 1.5 },
		{ ...good[0], items: [{ ...first, code: '1-001193' }] },
		{ ...good[0], items: [{ ...first, onlineLevel: 'muc-4' }] },
		{ ...good[0], items: [{ ...first, score: '3' }] },
		{ ...good[0], facets: { agencies: [], fields: [], tiers: [] } },
		{ ...good[0], message: 3 }
	];
	it.each(good.map((g, i) => [i, g] as const))('accepts a real answer (%i), as the schema does', (_i, body) => {
		expect(procedureListAnswerSchema.safeParse(body).success).toBe(true);
		expect(readProcedureListAnswer(body)).toEqual(body);
	});
	it.each(bad.map((b, i) => [i, b] as const))('refuses a wrong answer (%i), as the schema does', (_i, body) => {
		expect(procedureListAnswerSchema.safeParse(body).success).toBe(false);
		expect(readProcedureListAnswer(body)).toBeUndefined();
	});
});

describe('readProcedure', () => {
	const good = procedures.map((p) => JSON.parse(JSON.stringify(api.get(p.code).body)));
	const base = good[0];
	const bad: unknown[] = [
		null,
		{ ...base, code: '1001193' },
		{ ...base, onlineLevel: 3 },
		{ ...base, processingTime: { kind: 'weeks' } },
		{ ...base, fees: [{ name: 'Lệ phí', amountVnd: 1.5 }] },
		{ ...base, result: { name: 'x' } },
		{ ...base, form: { ...base.form, sections: [{ id: 's', title: 'S', fields: [{ id: 3 }] }] } }
	];
	it('accepts every shipped procedure, as the schema does', () => {
		for (const body of good) {
			expect(procedureAnswerSchema.safeParse(body).success).toBe(true);
			expect(readProcedure(body)).toEqual(body);
		}
	});
	it.each(bad.map((b, i) => [i, b] as const))('refuses a wrong answer (%i), as the schema does', (_i, body) => {
		expect(procedureAnswerSchema.safeParse(body).success).toBe(false);
		expect(readProcedure(body)).toBeUndefined();
	});
});
