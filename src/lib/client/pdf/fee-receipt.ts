/**
 * The e-receipt on the device: built offline by the shared builder (domain/pdf/fee-receipt.ts,
 * the same bytes the server issues), kept in the person's document store and downloaded.
 */
import { vietnamDate } from '$lib/domain/time';
import { buildFeeReceiptPdf, feeReceiptFileName, feeReceiptNumber, RECEIPT_TYPE, type FeeReceiptInput } from '$lib/domain/pdf/fee-receipt';
import type { Obligation } from '$lib/domain/wire/payments';

export { buildFeeReceiptPdf, feeReceiptFileName, type FeeReceiptInput };

/**
 * Keeps the receipt in the person's document store ("Kho giấy tờ") as a fee receipt of this
 * payment, once: building it again (a new download) does not add a second paper.
 */
async function keepReceipt(dossier: FeeReceiptInput['dossier'], obligation: Obligation, data: Blob, name: string): Promise<void> {
	const payment = obligation.payment!;
	const [{ accountDb }, { listDocuments }, { keepInStore }, { addHashedBlob, sha256Hex }] = await Promise.all([
		import('../space/session.svelte'),
		import('../db/documents'),
		import('../attachments/keep'),
		import('../db/blobs')
	]);
	const db = await accountDb();
	const number = feeReceiptNumber(payment);
	const known = (await listDocuments(db)).find((d) => d.metadata.typeId === RECEIPT_TYPE && d.metadata.number === number);
	if (known) {
		// The agency's issued copy listed without its bytes: these are the same bytes, keep them (nothing to download later).
		const sha256 = await sha256Hex(data);
		if (known.files.some((f) => f.sha256 === sha256) && !(await db.blobs.get(sha256))) await addHashedBlob(db, sha256, data, name, 'application/pdf');
		return;
	}
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
