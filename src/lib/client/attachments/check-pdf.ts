/**
 * Opens a picked PDF to check it before it is kept: not encrypted, readable, not too long.
 * Runs on the page, with the same PDF engine chunk every other PDF feature loads (see
 * ./prepare-tasks.ts for why not in the worker).
 */
import { loadPdfEngine } from '$lib/client/pdf/engine';
import type { PrepareAnswer } from './prepare-tasks';

/** A PDF longer than this is refused: a person splits it, or photographs the pages needed. */
export const MAX_PDF_PAGES = 100;

export async function checkPdf(data: Blob): Promise<PrepareAnswer> {
	let engine: typeof import('pdf-lib');
	try {
		engine = await loadPdfEngine(() => import('pdf-lib'));
	} catch {
		return { ok: false, reason: 'pdf-engine-missing' };
	}
	try {
		// Opened despite encryption, to tell "has a password" apart from "broken".
		const doc = await engine.PDFDocument.load(await data.arrayBuffer(), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
		if (doc.isEncrypted) return { ok: false, reason: 'pdf-encrypted' };
		const pages = doc.getPageCount();
		if (pages === 0) return { ok: false, reason: 'pdf-malformed' };
		if (pages > MAX_PDF_PAGES) return { ok: false, reason: 'pdf-too-long' };
		return { ok: true, kind: 'pdf', pages };
	} catch {
		return { ok: false, reason: 'pdf-malformed' };
	}
}
