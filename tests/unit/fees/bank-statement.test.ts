import { describe, expect, it } from 'vitest';
import { parseBookingTime, parseVndAmount, readStatementCsv, referenceCandidates } from '$lib/domain/bank-statement';

describe('a bank statement exported as CSV', () => {
	it('reads rows with a header, quoted descriptions, amounts with separators and Vietnamese times', () => {
		const csv = [
			'Mã giao dịch,Số tiền,Nội dung,Thời gian',
			'FT001,16.000,"HS0011130H262612070001N1, le phi ""khai sinh""",07/12/2026 09:15',
			'FT002,8000,chuyen tien,2026-12-07T10:00:00+07:00',
			''
		].join('\r\n');
		expect(readStatementCsv(csv)).toEqual({
			lines: [
				{ transactionId: 'FT001', amount: 16000, description: 'HS0011130H262612070001N1, le phi "khai sinh"', at: '2026-12-07T02:15:00.000Z' },
				{ transactionId: 'FT002', amount: 8000, description: 'chuyen tien', at: '2026-12-07T03:00:00.000Z' }
			],
			problems: []
		});
	});

	it('reads semicolon-separated files too', () => {
		expect(readStatementCsv('FT9;1.250.000;HS1234567N1;07/12/2026').lines).toEqual([{ transactionId: 'FT9', amount: 1250000, description: 'HS1234567N1', at: '2026-12-06T17:00:00.000Z' }]);
	});

	it('names every bad row in Vietnamese: no id, a fraction or negative amount, an unreadable time, a repeated id', () => {
		const read = readStatementCsv(['id,amount,description,at', ',16000,x,07/12/2026', 'FT1,16000.5,x,07/12/2026', 'FT2,-5,x,07/12/2026', 'FT3,16000,x,hôm qua', 'FT4,1,x,07/12/2026', 'FT4,1,x,07/12/2026'].join('\n'));
		expect(read.lines.map((l) => l.transactionId)).toEqual(['FT4']);
		expect(read.problems).toEqual([
			'Dòng 2: thiếu mã giao dịch của ngân hàng (cột 1).',
			'Dòng 3: số tiền "16000.5" không phải số nguyên đồng dương (cột 2).',
			'Dòng 4: số tiền "-5" không phải số nguyên đồng dương (cột 2).',
			'Dòng 5: thời gian "hôm qua" không đọc được; dùng dd/mm/yyyy hh:mm (cột 4).',
			'Dòng 7: mã giao dịch FT4 lặp lại trong tệp.'
		]);
	});

	it('refuses more lines than one import takes', () => {
		const csv = Array.from({ length: 3 }, (_, i) => `FT${i},1000,x,07/12/2026`).join('\n');
		expect(readStatementCsv(csv, 2)).toEqual({ lines: [], problems: ['Tệp có 3 giao dịch; mỗi lần nhập tối đa 2.'] });
	});

	it('reads amounts and times strictly', () => {
		expect(parseVndAmount('16 000 đ')).toBe(16000);
		expect(parseVndAmount('16,000')).toBe(16000);
		expect(parseVndAmount('16.00')).toBeNaN();
		expect(parseVndAmount('abc')).toBeNaN();
		expect(parseBookingTime('2026-12-07')).toBe('2026-12-06T17:00:00.000Z');
		expect(parseBookingTime('31/02/2026 25:00')).toBeNull();
	});
});

describe('the payment reference in a transfer description', () => {
	it('is found whatever the bank wrapped around it, with accents, case and punctuation gone', () => {
		const candidates = referenceCandidates('MBVCB.4471.hs0011130h262612070001n1.CT tu 0011 Đặng Hưng');
		expect(candidates).toContain('HS0011130H262612070001N1');
		expect(candidates.every((c) => c.startsWith('HS') && c.length >= 6 && c.length <= 25)).toBe(true);
		expect(referenceCandidates('chuyen tien le phi')).toEqual([]);
	});
});
