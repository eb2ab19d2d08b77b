import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import shipped from '$data/postal/tariff.json';
import { postalFee, postalFeeOf, postalTariffSchema, postalZone, type PostalTariff } from '$lib/domain/postal';
import { postalTariff, PostalTariffError, readPostalTariff } from '$lib/server/postal-tariff';
import { ratingRequestSchema, trackingNumberSchema } from '$lib/domain/wire/results';
import { actionRequestSchema } from '$lib/domain/wire/workflow';

const TARIFF: PostalTariff = {
	source: 'test',
	itemGrams: 100,
	bands: [
		{ upToGrams: 100, sameProvince: 20000, otherProvince: 30000 },
		{ upToGrams: 500, sameProvince: 26000, otherProvince: 41000 },
		{ upToGrams: 2000, sameProvince: 40000, otherProvince: 65000 }
	],
	extraPer500Grams: { sameProvince: 3000, otherProvince: 7000 }
};

describe('postal delivery', () => {
	it("charges the in-province price only when the address is in the agency's province (an unknown province pays the dearer one)", () => {
		expect(postalZone('01', '01')).toBe('sameProvince');
		expect(postalZone('01', '79')).toBe('otherProvince');
		expect(postalZone(null, '01')).toBe('otherProvince');
		expect(postalFee(TARIFF, '01', '01')).toBe(20000);
		expect(postalFee(TARIFF, '01', '79')).toBe(30000);
	});

	it('prices by weight band, and each further 500 g started beyond the last band', () => {
		expect(postalFeeOf(TARIFF, 'sameProvince', 1)).toBe(20000);
		expect(postalFeeOf(TARIFF, 'sameProvince', 100)).toBe(20000);
		expect(postalFeeOf(TARIFF, 'sameProvince', 101)).toBe(26000);
		expect(postalFeeOf(TARIFF, 'otherProvince', 500)).toBe(41000);
		expect(postalFeeOf(TARIFF, 'otherProvince', 2000)).toBe(65000);
		expect(postalFeeOf(TARIFF, 'otherProvince', 2001)).toBe(72000);
		expect(postalFeeOf(TARIFF, 'sameProvince', 3000)).toBe(46000);
		// A result is the tariff's assumed item weight.
		expect(postalFeeOf(TARIFF, 'otherProvince')).toBe(30000);
	});

	it('ships a valid placeholder tariff that says it is one, and refuses a table out of order', () => {
		const table = postalTariffSchema.parse(shipped);
		expect(table._comment).toMatch(/POSTAL_TARIFF_FILE/);
		expect(table._comment).toMatch(/not an official tariff/);
		expect(table.source).toMatch(/placeholder/);
		const swapped = { ...TARIFF, bands: [TARIFF.bands[1], TARIFF.bands[0]] };
		expect(() => readPostalTariff(swapped, 'x.json')).toThrow(PostalTariffError);
		const cheaper = { ...TARIFF, bands: [TARIFF.bands[0], { ...TARIFF.bands[1], otherProvince: 1000 }] };
		expect(() => readPostalTariff(cheaper, 'x.json')).toThrow(/không được thấp hơn/);
		expect(() => readPostalTariff({ ...TARIFF, itemGrams: 0 }, 'x.json')).toThrow(/itemGrams/);
	});

	it('takes the table of POSTAL_TARIFF_FILE over the shipped one, and stops on a bad file', () => {
		expect(postalTariff(undefined)).toEqual(postalTariffSchema.parse(shipped));
		const dir = mkdtempSync(join(tmpdir(), 'tariff-'));
		const good = join(dir, 'hop-dong-buu-dien.json');
		writeFileSync(good, JSON.stringify(TARIFF));
		expect(postalFee(postalTariff(good), '01', '79')).toBe(30000);
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, '{ "bands": ');
		expect(() => postalTariff(bad)).toThrow(/POSTAL_TARIFF_FILE .*bad\.json/);
	});

	it('reads a postal item number in capitals and refuses anything else', () => {
		expect(trackingNumberSchema.parse(' eb123456789vn ')).toBe('EB123456789VN');
		for (const bad of ['EB12', 'EB 123456789 VN', '<b>EB12345678</b>']) expect(trackingNumberSchema.safeParse(bad).success).toBe(false);
		const request = actionRequestSchema.parse({ requestId: crypto.randomUUID(), action: 'return', trackingNumber: 'rr987654321vn' });
		expect(request).toMatchObject({ action: 'return', trackingNumber: 'RR987654321VN' });
	});
});

describe('satisfaction rating', () => {
	const valid = { score: 5, answers: { onTime: 5, guidance: 4, fees: 3 } };
	it('takes the overall score and every standard question on the 1–5 scale, with an optional comment', () => {
		expect(ratingRequestSchema.parse({ ...valid, comment: '  tốt  ' })).toEqual({ ...valid, comment: 'tốt' });
		for (const bad of [{ ...valid, score: 0 }, { ...valid, score: 4.5 }, { ...valid, answers: { onTime: 5, guidance: 4 } }, { ...valid, answers: { ...valid.answers, extra: 1 } }, { ...valid, comment: 'x'.repeat(1001) }])
			expect(ratingRequestSchema.safeParse(bad).success).toBe(false);
	});
});
