/**
 * The fee e-receipt has one builder for the phone and the server: dated by the payment, the
 * same input gives the same bytes whenever and wherever it is built (so the paper the phone
 * kept is the one the server issued), and it says what the law asks a receipt to say.
 */
import { describe, expect, it } from 'vitest';
import { buildFeeReceiptPdf } from '$lib/domain/pdf/fee-receipt';
import type { Obligation } from '$lib/domain/wire/payments';
import { receiptFonts } from '$lib/server/payments/receipt-paper';
import { extract, fonts } from './helpers';

const obligation: Obligation = {
	id: '0193a4b2-1111-7000-8000-000000000001',
	amount: 16000,
	items: [{ name: 'Lệ phí đăng ký tạm trú', amount: 16000 }],
	state: 'paid',
	reference: 'HSC011130H262612070001N1',
	vietqr: null,
	transfer: null,
	createdAt: '2026-12-07T02:00:00.000Z',
	payment: { id: 'p-1', method: 'vietqr', amount: 16000, providerRef: 'FT26341000001', paidAt: '2026-12-07T02:15:00.000Z', payerName: 'Nguyễn Văn Dân' }
};
const dossier = { code: 'C01.11.30.H26-261207-0001', procedure: { name: 'Đăng ký tạm trú' }, receipt: { agencyName: 'Công an xã Sóc Sơn, Hà Nội' } };

describe('fee e-receipt', () => {
	it('is the same bytes for the same payment, built at different times and with the fonts the server reads', async () => {
		const first = await buildFeeReceiptPdf({ dossier, obligation }, fonts);
		await new Promise((r) => setTimeout(r, 1100));
		const again = await buildFeeReceiptPdf({ dossier, obligation }, receiptFonts());
		expect(again).toEqual(first);
		const other = await buildFeeReceiptPdf({ dossier, obligation: { ...obligation, payment: { ...obligation.payment!, providerRef: 'FT26341000002' } } }, fonts);
		expect(other).not.toEqual(first);
	});

	it('names the payer, the items, the amount in figures and words, the agency, the date and the reference', async () => {
		const [page] = await extract(await buildFeeReceiptPdf({ dossier, obligation }, fonts));
		for (const text of ['BIÊN LAI THU PHÍ, LỆ PHÍ', 'Nguyễn Văn Dân', 'Lệ phí đăng ký tạm trú', '16.000', 'Mười sáu nghìn đồng', 'Công an xã Sóc Sơn, Hà Nội', 'FT26341000001', '09:15 07/12/2026'])
			expect(page.text).toContain(text);
	});

	it('refuses an obligation not paid', async () => {
		await expect(buildFeeReceiptPdf({ dossier, obligation: { ...obligation, state: 'pending', payment: undefined } }, fonts)).rejects.toThrow(/chưa được thanh toán/);
	});
});
