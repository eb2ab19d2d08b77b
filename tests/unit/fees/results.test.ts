import { describe, expect, it } from 'vitest';
import { POSTAL_FEE, postalFee } from '$lib/domain/postal';
import { ratingRequestSchema, trackingNumberSchema } from '$lib/domain/wire/results';
import { actionRequestSchema } from '$lib/domain/wire/workflow';

describe('postal delivery', () => {
	it("charges the in-province fee only when the address is in the agency's province", () => {
		expect(postalFee('01', '01')).toBe(POSTAL_FEE.sameProvince);
		expect(postalFee('01', '79')).toBe(POSTAL_FEE.otherProvince);
		expect(postalFee(null, '01')).toBe(POSTAL_FEE.otherProvince);
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
