/**
 * "Biên lai thu phí, lệ phí điện tử" (after Nghị định 11/2020/NĐ-CP and Thông tư
 * 303/2016/TT-BTC, the receipt's content: payer, items, amount in figures and in words, the
 * collecting agency, date and the payment reference), built from the dossier's paid
 * obligation. One builder for the phone (offline, client/pdf/fee-receipt.ts) and the server
 * (the issued copy, server/payments/receipt-paper.ts): dated by the payment, so both make the
 * same bytes, and the paper the phone kept is the one the server issued.
 */
import { formatVnd } from '../format';
import { amountInWords } from '../money-words';
import { paymentMethodLabels } from '../payment';
import { formatDateTime } from '../time';
import type { Obligation } from '../wire/payments';
import { PdfWriter, type FontBytes } from './layout';

export interface FeeReceiptInput {
	dossier: { code: string; procedure: { name: string }; receipt: { agencyName: string } };
	obligation: Obligation;
}

export async function buildFeeReceiptPdf({ dossier, obligation }: FeeReceiptInput, fonts: FontBytes): Promise<Uint8Array> {
	const payment = obligation.payment;
	if (obligation.state !== 'paid' || !payment) throw new Error('Khoản phí này chưa được thanh toán nên chưa có biên lai.');
	const w = await PdfWriter.create(fonts, { header: `Biên lai – hồ sơ ${dossier.code}`, footer: (page, total) => `Trang ${page}/${total}`, dated: new Date(payment.paidAt) });
	w.doc.setTitle(`Biên lai thu phí, lệ phí – ${dossier.code}`);
	w.paragraph(dossier.receipt.agencyName.toUpperCase(), { bold: true, align: 'center', size: 10 });
	w.gap();
	w.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center' });
	w.paragraph('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center' });
	w.rule(150);
	w.gap(w.size * 1.5);
	w.heading('BIÊN LAI THU PHÍ, LỆ PHÍ', { align: 'center', size: 14 });
	w.paragraph('(Bản điện tử)', { align: 'center', size: 9, grey: true });
	w.gap();
	w.labelledLine('Đơn vị thu', dossier.receipt.agencyName);
	w.labelledLine('Người nộp', payment.payerName ?? '—');
	w.labelledLine('Hồ sơ', `${dossier.code} – ${dossier.procedure.name}`);
	w.gap();
	w.paragraph('Các khoản thu:', { bold: true });
	for (const item of obligation.items) w.paragraph(`• ${item.name}: ${formatVnd(item.amount)}`, { indent: 12 });
	w.labelledLine('Tổng số tiền', formatVnd(obligation.amount));
	w.labelledLine('Bằng chữ', amountInWords(obligation.amount));
	w.gap();
	w.labelledLine('Hình thức', paymentMethodLabels[payment.method]);
	w.labelledLine('Mã tham chiếu', payment.providerRef ?? payment.id);
	w.labelledLine('Ngày thu', formatDateTime(payment.paidAt));
	w.gap(w.size * 1.5);
	w.paragraph('Biên lai điện tử lập từ thông tin thanh toán cơ quan thu ghi nhận; bản do cơ quan cấp tải lại được từ Kho giấy tờ.', { size: 9, grey: true });
	return w.finish();
}

export const feeReceiptFileName = (code: string, obligationId: string) => `bien-lai-${code}-${obligationId.slice(0, 8)}.pdf`;

/** The document type a fee receipt has in the store (data/documents). */
export const RECEIPT_TYPE = 'bien-lai-thu-phi';

/** The receipt's own number in the store: the provider's reference (a receipt kept once per payment). */
export const feeReceiptNumber = (payment: NonNullable<Obligation['payment']>) => (payment.providerRef ?? payment.id).slice(0, 40);
