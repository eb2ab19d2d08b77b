/**
 * The heavy half of preparing a picked photo, run in ./prepare.worker.ts (or on the page where
 * module workers are missing): decoding and shrinking it. Answers are plain data so they cross
 * `postMessage`. PDFs are checked on the page (./check-pdf.ts): the PDF engine is one chunk that
 * the app keeps for offline use, and a copy of it inside the worker's bundle would be a second
 * 420 KB download that is never cached, so a PDF picked with no signal could not be checked.
 */
import { shrinkImage, UndecodableImageError } from './images';

export type PrepareRequest = { kind: 'image'; data: Blob };
export type PrepareAnswer =
	| { ok: true; kind: 'image'; data: Blob; width: number; height: number; quality: number | null }
	| { ok: true; kind: 'pdf'; pages: number }
	| { ok: false; reason: 'undecodable' | 'pdf-encrypted' | 'pdf-malformed' | 'pdf-too-long' | 'pdf-engine-missing' | 'failed' };

export async function runPrepareTask(request: PrepareRequest): Promise<PrepareAnswer> {
	try {
		const shrunk = await shrinkImage(request.data);
		return { ok: true, kind: 'image', ...shrunk };
	} catch (error) {
		if (error instanceof UndecodableImageError) return { ok: false, reason: 'undecodable' };
		return { ok: false, reason: 'failed' };
	}
}
