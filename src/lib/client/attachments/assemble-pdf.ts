/**
 * Several photos of one paper (both sides of an ID card, the pages of a household book)
 * become one PDF, one page per photo, each page the photo's own proportions at A4 width:
 * the officer opens one file, and the JPEG bytes are embedded as they are (no re-encoding).
 */
import type { PreparedFile } from './prepare';
import { loadPdfEngine } from '$lib/client/pdf/engine';

/** A4 width in PDF points (210 mm). */
const A4_WIDTH_PT = 595.28;

export async function assemblePdf(photos: PreparedFile[], name: string): Promise<PreparedFile> {
	if (photos.length === 0) throw new RangeError('assemblePdf needs at least one photo');
	const { PDFDocument } = await loadPdfEngine(() => import('pdf-lib'));
	const pdf = await PDFDocument.create();
	pdf.setProducer('Dịch vụ công — Kho giấy tờ');
	pdf.setCreationDate(new Date());
	for (const photo of photos) {
		const bytes = new Uint8Array(await photo.data.arrayBuffer());
		const image = photo.type === 'image/png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(await asJpeg(photo, bytes));
		const height = (A4_WIDTH_PT * image.height) / image.width;
		pdf.addPage([A4_WIDTH_PT, height]).drawImage(image, { x: 0, y: 0, width: A4_WIDTH_PT, height });
	}
	const data = new Blob([(await pdf.save()) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
	return {
		data,
		name: /\.pdf$/i.test(name) ? name : `${name}.pdf`,
		type: 'application/pdf',
		originalSize: photos.reduce((sum, p) => sum + p.originalSize, 0),
		size: data.size,
		pages: photos.length
	};
}

/** pdf-lib embeds JPEG and PNG only: a kept WebP photo is re-encoded as JPEG first. */
async function asJpeg(photo: PreparedFile, bytes: Uint8Array): Promise<Uint8Array> {
	if (photo.type === 'image/jpeg') return bytes;
	const bitmap = await createImageBitmap(photo.data);
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
	bitmap.close();
	return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer());
}
