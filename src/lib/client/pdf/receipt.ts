/**
 * "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (after Mẫu số 01, Thông tư 01/2018/TT-VPCP) as a
 * PDF built on the device from the stored receipt, so it can be shown and printed offline,
 * with a QR code leading to the public lookup page of the dossier (/lookup?code=…). The QR modules come from
 * `qrcode`'s matrix and are drawn as pdf-lib rectangles: no canvas, works in any context.
 */
import QRCode from 'qrcode';
import { rgb } from 'pdf-lib';
import { formatBytes, formatVnd } from '$lib/domain/format';
import { formatDate, formatDateTime } from '$lib/domain/time';
import { deliveryLabels } from '$lib/domain/labels';
import { lookupUrl } from '$lib/domain/dossier';
import { statusName } from '$lib/domain/wire/dossiers';
import { PdfWriter, type FontBytes } from '$lib/domain/pdf/layout';
import type { OutboxEntry, ReceiptEntry } from '../db/outbox-record';

const QR_SIZE = 110;


/** `origin`: the app's address, for the QR code's lookup link (the page's `location.origin`). */
export async function buildReceiptPdf(receipt: ReceiptEntry, entry: OutboxEntry | undefined, fonts: FontBytes, origin: string): Promise<Uint8Array> {
	const w = await PdfWriter.create(fonts, {
		header: `Hồ sơ ${receipt.code} – ${receipt.procedureName}`,
		footer: (page, total) => `Trang ${page}/${total}`
	});
	w.doc.setTitle(`Giấy tiếp nhận hồ sơ ${receipt.code}`);
	w.paragraph(receipt.agencyName.toUpperCase(), { bold: true, align: 'center', size: 10 });
	w.gap();
	w.paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center' });
	w.paragraph('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center' });
	w.rule(150);
	w.gap(w.size * 1.5);
	w.heading('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center', size: 14 });
	w.paragraph(`Mã hồ sơ: ${receipt.code}`, { bold: true, align: 'center' });
	w.gap();

	const applicant = receipt.applicantName ?? entry?.applicantName;
	if (applicant) w.labelledLine('Người nộp hồ sơ', applicant);
	w.labelledLine('Cơ quan tiếp nhận', receipt.agencyName);
	w.labelledLine('Thủ tục', `${receipt.procedureName} (mã ${receipt.procedureCode})`);
	w.labelledLine('Thời gian tiếp nhận', formatDateTime(receipt.receivedAt));
	w.labelledLine('Ngày hẹn trả kết quả', formatDate(receipt.appointmentDate));
	w.labelledLine('Trạng thái', receipt.lastStatus?.name ?? statusName(receipt.status));
	if (receipt.fees) {
		w.gap();
		w.paragraph('Lệ phí, phí theo thông tin đã khai:', { bold: true });
		for (const line of receipt.fees.lines)
			w.paragraph(`• ${line.name}${line.quantity > 1 ? ` (${line.quantity} ${line.unit ?? ''})` : ''}: ${line.exempt ? 'miễn' : formatVnd(line.amount)}`, { indent: 12 });
		w.labelledLine('Tổng cộng', formatVnd(receipt.fees.total));
	}
	if (entry) {
		w.labelledLine('Cách nhận kết quả', deliveryLabels[entry.manifest.delivery.method]);
		if (entry.manifest.attachments.length) {
			w.gap();
			w.paragraph('Giấy tờ đã nộp kèm (bản điện tử):', { bold: true });
			for (const a of entry.manifest.attachments) w.paragraph(`• ${a.name} (${formatBytes(a.size)})`, { indent: 12 });
		}
	}
	w.gap(w.size * 1.5);
	const lookup = lookupUrl(origin, receipt.code);
	drawQr(w, lookup);
	w.paragraph(`Quét mã để tra cứu hồ sơ ${receipt.code} (${lookup})`, { align: 'center', size: 9, grey: true });
	w.gap();
	w.paragraph(
		'Giấy này được ứng dụng tạo trên thiết bị từ thông tin cơ quan tiếp nhận gửi về khi nhận hồ sơ trực tuyến. Khi đến nhận kết quả, hãy mang theo giấy này (bản in hoặc trên điện thoại) và giấy tờ tùy thân.',
		{ size: 9, grey: true }
	);
	return w.finish();
}

/** The QR code, centred, as black squares; keeps the 4-module quiet zone of the standard. */
function drawQr(w: PdfWriter, text: string) {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const cell = QR_SIZE / (n + 8);
	w.ensureSpace(QR_SIZE);
	const page = w.doc.getPages().at(-1)!;
	const top = w.bottom + w.remaining;
	const x0 = w.left + (w.width - QR_SIZE) / 2 + 4 * cell;
	const y0 = top - 4 * cell;
	for (let r = 0; r < n; r++)
		for (let c = 0; c < n; c++)
			if (qr.modules.get(r, c))
				page.drawRectangle({ x: x0 + c * cell, y: y0 - (r + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
	w.gap(QR_SIZE);
}

export const receiptFileName = (receipt: ReceiptEntry) => `giay-tiep-nhan-${receipt.code}.pdf`;

/** Builds the PDF with the app's fonts and hands it to the browser as a download (page only). */
export async function downloadReceiptPdf(receipt: ReceiptEntry, entry?: OutboxEntry): Promise<void> {
	const { loadFonts, saveBytes } = await import('./download');
	saveBytes(await buildReceiptPdf(receipt, entry, await loadFonts(), location.origin), receiptFileName(receipt));
}
