/**
 * The shipped catalogue (data/procedures/*.json, data/agencies.json) must validate against the
 * domain schema, and a broken entry must be reported with its code, file and field path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogue, type Procedure } from '$lib/domain/procedure';
import type { Field } from '$lib/domain/form-definition';
import { collectErrors, emptyAnswers, visibleSections } from '$lib/domain/form-engine';

const dataDir = join(process.cwd(), 'data');
const procedureDir = join(dataDir, 'procedures');
const files = readdirSync(procedureDir).filter((f) => f.endsWith('.json'));
const entries = files.map((file) => ({ file, data: JSON.parse(readFileSync(join(procedureDir, file), 'utf8')) }));

type Agencies = {
	kinds: { id: string; name: string }[];
	agencies: { code: string; kind: string; name: string; provinceCode: string; communeCode: string | null }[];
};
const agencies: Agencies = JSON.parse(readFileSync(join(dataDir, 'agencies.json'), 'utf8'));

const allFields = (p: Procedure): Field[] => p.form.sections.flatMap((s) => s.fields);

describe('procedure catalogue data', () => {
	const catalogue = parseCatalogue(entries);

	it('validates every file and ships the common commune-level procedures', () => {
		expect(catalogue.length).toBeGreaterThanOrEqual(12);
		const codes = catalogue.map((p) => p.code);
		for (const code of ['1.001193', '1.000894', '1.000656', '2.000635', '2.000815', '1.004222', '1.004873'])
			expect(codes).toContain(code);
	});

	it('skips the empty attachments step of 1.004873 for a person never married', () => {
		const form = catalogue.find((p) => p.code === '1.004873')!.form;
		const steps = (maritalStatus: string) => visibleSections(form, { maritalStatus }).map((s) => s.id);
		expect(steps('chua-ket-hon')).not.toContain('attachments');
		expect(steps('da-ly-hon')).toContain('attachments');
	});

	it('names each file after the code it holds', () => {
		for (const { file, data } of entries) expect(file).toBe(`${(data as { code: string }).code}.json`);
	});

	it('gives every procedure unaccented keywords people type', () => {
		for (const p of catalogue)
			expect(p.keywords.some((k) => /^[a-z0-9 ]+$/.test(k)), `${p.code} thiếu từ khóa không dấu`).toBe(true);
	});

	it('keeps one name per agency kind, so the agency filter shows one label', () => {
		const kinds = new Map(agencies.kinds.map((k) => [k.id, k.name]));
		for (const p of catalogue) expect(p.agency.name, p.code).toBe(kinds.get(p.agency.id));
	});

	it('matches each attachment slot to a document the procedure lists', () => {
		for (const p of catalogue) {
			const names = new Set(p.documents.map((d) => d.name));
			for (const field of allFields(p))
				if (field.type === 'attachment' && field.document)
					expect(names.has(field.document), `${p.code} › ${field.id}: "${field.document}"`).toBe(true);
		}
	});

	it('asks the birth registration requester to spell out "Người khác" only when chosen', () => {
		const birth = catalogue.find((p) => p.code === '1.001193')!;
		const other = allFields(birth).find((f) => f.id === 'relationshipOther');
		expect(other?.when).toEqual({ field: 'relationship', equals: 'khac' });
		const inWords = allFields(birth).find((f) => f.type === 'derived');
		expect(inWords).toMatchObject({ from: 'childBirthDate', derive: 'date-in-words' });
		expect(birth.fees.find((f) => f.amountVnd === 8000)?.unit).toBe('bản');
		expect(birth.processingTime).toMatchObject({ kind: 'same-day', cutoffHour: 15 });
	});

	it('lets the form engine ask for exactly the required birth form fields', () => {
		const form = catalogue.find((p) => p.code === '1.001193')!.form;
		const missing = (answers: Record<string, unknown>) => collectErrors(form, answers).map((e) => e.fieldId);
		const blank = missing(emptyAnswers(form));
		for (const id of ['requesterName', 'childName', 'childBirthDate', 'motherName', 'wantCopies', 'birthCertificateFile', 'pledged'])
			expect(blank).toContain(id);
		// The father, the parents' marriage certificate and the conditional fields are not asked up front.
		for (const id of ['fatherName', 'marriageCertNumber', 'relationshipOther', 'copyCount', 'authorizationFile'])
			expect(blank).not.toContain(id);
		const other = missing({ ...emptyAnswers(form), relationship: 'khac', wantCopies: 'co' });
		expect(other).toContain('relationshipOther');
		expect(other).toContain('copyCount');
	});

	it('builds an empty draft for every form without errors', () => {
		for (const p of catalogue) expect(() => collectErrors(p.form, emptyAnswers(p.form)), p.code).not.toThrow();
	});

	it('uses every field type somewhere in the catalogue', () => {
		const used = new Set(catalogue.flatMap((p) => allFields(p).map((f) => f.type)));
		for (const type of ['text', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'checkboxes', 'id-number',
			'phone', 'email', 'tax-code', 'address', 'derived', 'attachment', 'group'])
			expect(used, type).toContain(type);
	});
});

describe('agencies.json', () => {
	const codePattern = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;
	const kindIds = new Set(agencies.kinds.map((k) => k.id));

	it('lists every agency kind a procedure refers to', () => {
		for (const { data } of entries) {
			const { code, agency } = data as { code: string; agency: { id: string } };
			expect(kindIds.has(agency.id), `${code} › agency.id "${agency.id}"`).toBe(true);
		}
	});

	it('gives each demo agency a well-formed electronic code, kind and 2025 unit codes', () => {
		expect(agencies.agencies.length).toBeGreaterThan(0);
		const codes = new Set<string>();
		for (const a of agencies.agencies) {
			expect(a.code, a.name).toMatch(codePattern);
			expect(codes.has(a.code), `trùng mã ${a.code}`).toBe(false);
			codes.add(a.code);
			expect(kindIds.has(a.kind), `${a.code} › kind "${a.kind}"`).toBe(true);
			expect(a.provinceCode).toMatch(/^\d{2}$/);
			if (a.communeCode !== null) expect(a.communeCode).toMatch(/^\d{5}$/);
		}
		expect(new Set(agencies.agencies.map((a) => a.provinceCode)).size).toBeGreaterThanOrEqual(2);
	});
});

describe('parseCatalogue on a broken entry', () => {
	const source = entries.find((e) => e.file === '1.001193.json')!;

	it('names the entry code, the file and the path of a field with an unknown type', () => {
		const broken = structuredClone(source.data) as Procedure;
		(broken.form.sections[1].fields[0] as { type: string }).type = 'foo';
		expect(() => parseCatalogue([{ file: 'broken.json', data: broken }])).toThrow(
			/1\.001193 \(broken\.json\) › form\.sections\.1\.fields\.0/
		);
	});

	it('names the missing procedure name', () => {
		const broken = structuredClone(source.data) as Partial<Procedure>;
		delete broken.name;
		expect(() => parseCatalogue([{ file: 'broken.json', data: broken }])).toThrow(/1\.001193 \(broken\.json\) › name/);
	});

	it('rejects a condition that points at a field the form does not have', () => {
		const broken = structuredClone(source.data) as Procedure;
		const field = broken.form.sections[0].fields.find((f) => f.id === 'relationshipOther')!;
		field.when = { field: 'relationshipTypo', equals: 'khac' };
		expect(() => parseCatalogue([{ file: 'broken.json', data: broken }])).toThrow(/relationshipTypo/);
	});

	it('rejects the same code shipped twice', () => {
		expect(() => parseCatalogue([source, { ...source, file: 'copy.json' }])).toThrow(/copy\.json.*trùng mã/);
	});
});
