/**
 * "Biên lai thu phí, lệ phí điện tử" (after Nghị định 11/2020/NĐ-CP and Thông tư
 * 303/2016/TT-BTC, the receipt's content: payer, items, amount in figures and in words, the
 * collecting agency, date and the payment reference) built on the device from the dossier's
 * paid obligation, shown as a download and kept in the person's document store.
 */
import { formatVnd } from '$lib/domain/format';
import { amountInWords } from '$lib/domain/money-words';
import { paymentMethodLabels } from '$lib/domain/payment';
import { formatDateTime, vietnamDate } from '$lib/domain/time';
import type { DossierDetail } from '$lib/domain/wire/dossiers';
import type { Obligation } from '$lib/domain/wire/payments';
import { PdfWriter, type FontBytes } from './layout';

export interface FeeReceiptInput {
	dossier: Pick<DossierDetail, 'code' | 'procedure' | 'receipt'>;
	obligation: Obligation;
}

export async function buildFeeReceiptPdf({ dossier, obligation }: FeeReceiptInput, fonts: FontBytes): Promise<Uint8Array> {
	const payment = obligation.payment;
	if (obligation.state !== 'paid' || !payment) throw new Error('Khoản phí này chưa được thanh toán nên chưa có biên lai.');
	const w = await PdfWriter.create(fonts, { header: `Biên lai – hồ sơ ${dossier.code}`, footer: (page, total) => `Trang ${page}/${total}` });
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
	w.paragraph('Biên lai được ứng dụng tạo trên thiết bị từ thông tin thanh toán cơ quan thu ghi nhận.', { size: 9, grey: true });
	return w.finish();
}

export const feeReceiptFileName = (code: string, obligationId: string) => `bien-lai-${code}-${obligationId.slice(0, 8)}.pdf`;

/** The receipt's own number in the store: the provider's reference (a receipt kept once per payment). */
const receiptNumber = (payment: NonNullable<Obligation['payment']>) => (payment.providerRef ?? payment.id).slice(0, 40);

/**
 * Keeps the receipt in the person's document store ("Kho giấy tờ") as a fee receipt of this
 * payment, once: building it again (a new download) does not add a second paper.
 */
async function keepReceipt(dossier: FeeReceiptInput['dossier'], obligation: Obligation, data: Blob, name: string): Promise<void> {
	const payment = obligation.payment!;
	const [{ accountDb }, { listDocuments }, { keepInStore }] = await Promise.all([import('../space/session.svelte'), import('../db/documents'), import('../attachments/keep')]);
	const db = await accountDb();
	const number = receiptNumber(payment);
	if ((await listDocuments(db)).some((d) => d.metadata.typeId === RECEIPT_TYPE && d.metadata.number === number)) return;
	const metadata = {
		typeId: RECEIPT_TYPE,
		title: `Biên lai lệ phí hồ sơ ${dossier.code}`.slice(0, 120),
		number,
		issuer: dossier.receipt.agencyName.slice(0, 200),
		issuedOn: vietnamDate(new Date(payment.paidAt)).date,
		holder: { kind: 'self' }
	};
	await keepInStore(db, metadata, [{ data, name, pages: 1 }]);
}

const RECEIPT_TYPE = 'bien-lai-thu-phi';

/** Builds it, keeps it in the person's document store when there is one, and downloads it. */
export async function downloadFeeReceipt(dossier: FeeReceiptInput['dossier'], obligation: Obligation): Promise<void> {
	const { loadFonts, saveBytes } = await import('./download');
	const bytes = await buildFeeReceiptPdf({ dossier, obligation }, await loadFonts());
	const name = feeReceiptFileName(dossier.code, obligation.id);
	try {
		await keepReceipt(dossier, obligation, new Blob([bytes as BlobPart], { type: 'application/pdf' }), name);
	} catch {
		// No account space on this device (signed out, private mode) or no room: the download alone will do.
	}
	saveBytes(bytes, name);
}
