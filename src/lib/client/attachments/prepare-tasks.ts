/**
 * The heavy half of preparing a picked file, run in ./prepare.worker.ts (or on the page where
 * module workers are missing): decoding and shrinking a photo, opening a PDF to check it.
 * Answers are plain data so they cross `postMessage`.
 */
import { shrinkImage, UndecodableImageError } from './images';

/** A PDF longer than this is refused: a person splits it, or photographs the pages needed. */
export const MAX_PDF_PAGES = 100;

export type PrepareRequest = { kind: 'image'; data: Blob } | { kind: 'pdf'; data: Blob };
export type PrepareAnswer =
	| { ok: true; kind: 'image'; data: Blob; width: number; height: number; quality: number | null }
	| { ok: true; kind: 'pdf'; pages: number }
	| { ok: false; reason: 'undecodable' | 'pdf-encrypted' | 'pdf-malformed' | 'pdf-too-long' | 'failed' };

export async function runPrepareTask(request: PrepareRequest): Promise<PrepareAnswer> {
	try {
		if (request.kind === 'image') {
			const shrunk = await shrinkImage(request.data);
			return { ok: true, kind: 'image', ...shrunk };
		}
		return await checkPdf(request.data);
	} catch (error) {
		if (error instanceof UndecodableImageError) return { ok: false, reason: 'undecodable' };
		return { ok: false, reason: 'failed' };
	}
}

async function checkPdf(data: Blob): Promise<PrepareAnswer> {
	const { PDFDocument } = await import('pdf-lib');
	try {
		// Opened despite encryption, to tell "has a password" apart from "broken".
		const doc = await PDFDocument.load(await data.arrayBuffer(), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
		if (doc.isEncrypted) return { ok: false, reason: 'pdf-encrypted' };
		const pages = doc.getPageCount();
		if (pages === 0) return { ok: false, reason: 'pdf-malformed' };
		if (pages > MAX_PDF_PAGES) return { ok: false, reason: 'pdf-too-long' };
		return { ok: true, kind: 'pdf', pages };
	} catch {
		return { ok: false, reason: 'pdf-malformed' };
	}
}
