import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReceiptPdf } from '$lib/client/pdf/receipt';
import { pdfText } from '../../e2e/helpers/pdf';
import { receiptFor } from './helpers';

const fonts = {
	regular: readFileSync('static/fonts/BeVietnamPro-Regular.pdffont'),
	bold: readFileSync('static/fonts/BeVietnamPro-Bold.pdffont')
};

describe('buildReceiptPdf', () => {
	it('states the dossier code, the receipt time and the appointment date in Vietnamese', async () => {
		const r = { ...receiptFor('01a218c6-a4cc-74ec-837f-c0399ce241e3'), id: '01a218c6-a4cc-74ec-837f-c0399ce241e3', draftId: 'd', storedAt: '' } as const;
		const text = await pdfText(await buildReceiptPdf(r as never, undefined, fonts, 'https://dvc.example.vn'));
		expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
		expect(text).toContain('Mã hồ sơ: C01.11.30.H26-260302-0001');
		expect(text).toContain('10:00 02/03/2026');
		expect(text).toContain('05/03/2026');
		expect(text).toContain('Quét mã để tra cứu hồ sơ');
	});

	it('names the applicant, shows the last known status and leads the QR code to the lookup page', async () => {
		const r = {
			...receiptFor('01a218c6-a4cc-74ec-837f-c0399ce241e3'),
			id: '01a218c6-a4cc-74ec-837f-c0399ce241e3',
			draftId: 'd',
			storedAt: '',
			applicantName: 'Phạm Thị Hoa',
			lastStatus: { status: 4, name: 'Đang xử lý', checkedAt: '2026-03-03T02:00:00.000Z' }
		};
		const text = await pdfText(await buildReceiptPdf(r as never, undefined, fonts, 'https://dvc.example.vn/'));
		expect(text).toContain('Người nộp hồ sơ');
		expect(text).toContain('Phạm Thị Hoa');
		expect(text).toContain('Đang xử lý');
		expect(text).not.toContain('Mới đăng ký');
		expect(text.replace(/\s+/g, '')).toContain('https://dvc.example.vn/lookup?code=C01.11.30.H26-260302-0001');
	});
});
