import { describe, expect, it } from 'vitest';
import { amountInWords } from '$lib/domain/money-words';

describe('amountInWords', () => {
	it.each([
		[0, 'Không đồng'],
		[8000, 'Tám nghìn đồng'],
		[16000, 'Mười sáu nghìn đồng'],
		[21000, 'Hai mươi mốt nghìn đồng'],
		[125000, 'Một trăm hai mươi lăm nghìn đồng'],
		[1005000, 'Một triệu không trăm linh năm nghìn đồng'],
		[2000000, 'Hai triệu đồng'],
		[1000500, 'Một triệu năm trăm đồng'],
		[24014, 'Hai mươi tư nghìn không trăm mười bốn đồng'],
		[1500000000, 'Một tỷ năm trăm triệu đồng']
	])('%i → %s', (n, words) => expect(amountInWords(n)).toBe(words));

	it('refuses fractions and negatives', () => {
		expect(() => amountInWords(1.5)).toThrow(RangeError);
		expect(() => amountInWords(-1)).toThrow(RangeError);
	});
});
