/**
 * Fee totals from the catalogue's fee rules and the person's answers: per copy, per case,
 * only when asked for, at the online rate, waived for an exempt situation. Read against the
 * shipped procedures so a data change that breaks a total is caught here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessFees, feeKindOf, sumAmounts } from '$lib/domain/fees';
import { parseCatalogue, procedureSchema, type Procedure } from '$lib/domain/procedure';

const load = (code: string): Procedure =>
	parseCatalogue([{ file: `${code}.json`, data: JSON.parse(readFileSync(join(process.cwd(), 'data/procedures', `${code}.json`), 'utf8')) }])[0];

const birth = load('1.001193');
const residence = load('1.004222');
const extract = load('2.000635');

describe('assessFees', () => {
	it('charges the birth-certificate copies per copy: two copies are 16,000 đồng', () => {
		const a = assessFees(birth, { wantCopies: 'co', copyCount: 2 });
		const copy = a.lines.find((l) => l.kind === 'phi')!;
		expect(copy).toMatchObject({ name: 'Phí cấp bản sao Giấy khai sinh', unitAmount: 8000, quantity: 2, unit: 'bản', amount: 16000, exempt: false });
		expect(a.total).toBe(16000);
	});

	it('reads a copy count typed as text like the number field stores it', () => {
		expect(assessFees(birth, { wantCopies: 'co', copyCount: '3' }).total).toBe(24000);
	});

	it('charges nothing for copies nobody asked for, even with a count left behind in the hidden field', () => {
		const a = assessFees(birth, { wantCopies: 'khong', copyCount: 4 });
		expect(a.lines.map((l) => l.name)).toEqual(['Lệ phí đăng ký khai sinh']);
		expect(a.total).toBe(0);
	});

	it('waives the copy fee for a poor household and says why', () => {
		const a = assessFees(birth, { wantCopies: 'co', copyCount: 2, copyFeeExemption: 'ho-ngheo' });
		const copy = a.lines.find((l) => l.kind === 'phi')!;
		expect(copy.exempt).toBe(true);
		expect(copy.amount).toBe(0);
		expect(copy.exemption).toMatch(/hộ nghèo/);
		expect(a.total).toBe(0);
	});

	it('keeps the fee for a person who answered that no exemption applies', () => {
		expect(assessFees(birth, { wantCopies: 'co', copyCount: 1, copyFeeExemption: 'khong' }).total).toBe(8000);
	});

	it('ignores an exemption answer left behind when copies are no longer asked for', () => {
		const a = assessFees(birth, { wantCopies: 'khong', copyFeeExemption: 'ho-ngheo' });
		expect(a.lines.some((l) => l.exempt)).toBe(false);
	});

	it('takes the online rate of a residence fee and leaves the counter rate out', () => {
		const online = assessFees(residence, {});
		expect(online.lines).toHaveLength(1);
		expect(online.lines[0]).toMatchObject({ kind: 'le-phi', amount: 10000 });
		expect(assessFees(residence, {}, 'counter').total).toBe(20000);
	});

	it('charges an extract per copy requested', () => {
		expect(assessFees(extract, { extractCount: 3 }).total).toBe(24000);
		expect(assessFees(extract, {}).total).toBe(0);
	});

	it('tells a lệ phí from a phí by the name when the data does not say', () => {
		expect(feeKindOf({ name: 'Lệ phí hộ tịch' })).toBe('le-phi');
		expect(feeKindOf({ name: 'Phí chứng thực' })).toBe('phi');
		expect(feeKindOf({ name: 'Phí x', kind: 'le-phi' })).toBe('le-phi');
	});
});

describe('sumAmounts', () => {
	it('adds integer đồng and refuses fractions, negatives and unsafe totals', () => {
		expect(sumAmounts([{ amount: 8000 }, { amount: 7000 }])).toBe(15000);
		expect(() => sumAmounts([{ amount: 0.5 }])).toThrow(RangeError);
		expect(() => sumAmounts([{ amount: -1 }])).toThrow(RangeError);
		expect(() => sumAmounts([{ amount: Number.MAX_SAFE_INTEGER }, { amount: 2 }])).toThrow(RangeError);
	});
});

describe('fee rules in the catalogue', () => {
	it('refuses a fee rule naming a field the form does not have', () => {
		const raw = JSON.parse(readFileSync(join(process.cwd(), 'data/procedures/1.001193.json'), 'utf8'));
		raw.fees[1].quantityField = 'numberOfCopies';
		const r = procedureSchema.safeParse(raw);
		expect(r.success).toBe(false);
		expect(r.error!.issues[0].message).toMatch(/numberOfCopies/);
	});
});
