/**
 * What the first-bytes sniff cannot see (issue 12, defect 13): a PDF that runs JavaScript or
 * cannot be opened without a password, and an image whose pixel size would take an
 * officer's browser down when opened (a 30,000 × 30,000 PNG is a few kilobytes on the wire
 * and 3.6 GB once decoded). Attachments are also only ever served through
 * http/attachment-response.ts (Content-Disposition, nosniff, a sandboxing CSP), which
 * neutralises what slips through, such as a JPEG with HTML appended.
 */
import { readFile } from 'node:fs/promises';
import { imageSizeFromFile } from 'image-size/fromFile';
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import type { AttachmentType } from '$lib/domain/wire/primitives';

/** Larger than any phone camera's photo (108 MP phones save 12,000 × 9,000 at most by default). */
export const MAX_IMAGE_SIDE = 16_384;
export const MAX_IMAGE_PIXELS = 120_000_000;

export type ContentProblem =
	| { kind: 'pdf-script' }
	| { kind: 'pdf-encrypted' }
	| { kind: 'image-too-large'; width: number; height: number }
	| { kind: 'image-unreadable' };

export async function checkContent(path: string, type: AttachmentType): Promise<ContentProblem | null> {
	return type === 'application/pdf' ? checkPdf(await readFile(path)) : checkImage(path);
}

async function checkImage(path: string): Promise<ContentProblem | null> {
	const size = await imageSizeFromFile(path).catch(() => undefined);
	if (!size?.width || !size.height) return { kind: 'image-unreadable' };
	const { width, height } = size;
	if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) return { kind: 'image-too-large', width, height };
	return null;
}

/** Action types that run code or reach outside the document. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'ImportData', 'RichMediaExecute']);
const SCRIPT_KEYS = new Set(['JS', 'JavaScript']);

async function checkPdf(bytes: Uint8Array): Promise<ContentProblem | null> {
	let doc: PDFDocument;
	try {
		doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
	} catch (error) {
		if (error instanceof EncryptedPDFError) return { kind: 'pdf-encrypted' };
		// A file no parser here reads: look at its bytes for the same names.
		return rawScan(bytes);
	}
	if (doc.isEncrypted) return { kind: 'pdf-encrypted' };
	const seen = new Set<PDFObject>();
	const active = (value: PDFObject | undefined): boolean => {
		if (!value || seen.has(value) || value instanceof PDFRef) return false;
		seen.add(value);
		const dict = value instanceof PDFStream ? value.dict : value;
		if (dict instanceof PDFDict) {
			for (const [key, inner] of dict.entries()) {
				if (SCRIPT_KEYS.has(key.decodeText())) return true;
				if (key === PDFName.of('S') && inner instanceof PDFName && ACTIVE_ACTIONS.has(inner.decodeText())) return true;
				if (active(inner)) return true;
			}
		}
		if (value instanceof PDFArray) return value.asArray().some(active);
		return false;
	};
	for (const [, object] of doc.context.enumerateIndirectObjects()) if (active(object)) return { kind: 'pdf-script' };
	return active(doc.catalog) ? { kind: 'pdf-script' } : null;
}

function rawScan(bytes: Uint8Array): ContentProblem | null {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	if (/\/Encrypt[\s/<>[\]()]/.test(text)) return { kind: 'pdf-encrypted' };
	if (/\/(JavaScript|JS|Launch)[\s/<>[\]()]/.test(text)) return { kind: 'pdf-script' };
	return null;
}
