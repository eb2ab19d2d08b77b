/**
 * One path for every file a person picks or photographs, whether it goes into the document
 * store or straight into a form's attachment slot: what it really is (first bytes, not its
 * name), refused with a reason if it cannot be used, photos shrunk in a worker and PDFs
 * checked on the page (./check-pdf.ts). Nothing is stored here; the caller stores what comes back.
 */
import { checkPicked, SNIFF_BYTES, type SniffRefusal } from '$lib/domain/file-signature';
import type { AttachmentType } from '$lib/domain/wire/primitives';
import type { PrepareAnswer, PrepareRequest } from './prepare-tasks';
import { checkPdf } from './check-pdf';
import { t } from '$lib/i18n/documents';

/** Largest photo taken in (it is shrunk); a bigger file is not a phone photo of a paper. */
export const MAX_PHOTO_INPUT_BYTES = 50 * 1024 * 1024;
/** Largest PDF taken in: kept as it is, so the server's file limit applies (UPLOAD_MAX_FILE_BYTES' default). */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export type RefusalReason =
	| SniffRefusal
	| 'photo-too-large'
	| 'pdf-too-large'
	| Exclude<Extract<PrepareAnswer, { ok: false }>['reason'], 'failed'>
	| 'failed';

export class FileRefusedError extends Error {
	constructor(
		readonly reason: RefusalReason,
		readonly fileName: string
	) {
		// In the chosen language (the document store's words: every page that picks files loads them).
		super(t(`refused.${reason}`, { name: fileName }));
		this.name = 'FileRefusedError';
	}
}

export interface PreparedFile {
	data: Blob;
	/** The name as picked; a photo re-encoded as JPEG ends in .jpg ("scan.png" → "scan.jpg"). */
	name: string;
	type: AttachmentType;
	/** Bytes as picked, before shrinking (shown beside the size after). */
	originalSize: number;
	size: number;
	/** Pages of a PDF; 1 for a picture. */
	pages: number;
	width?: number;
	height?: number;
}

/** Checks and prepares one picked file; throws `FileRefusedError` with the reason. */
export async function prepareFile(file: File): Promise<PreparedFile> {
	const name = file.name || 'giay-to';
	const check = checkPicked(file.size, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
	if (!check.ok) throw new FileRefusedError(check.reason, name);
	const { type } = check.sniffed;
	if (type === 'application/pdf') {
		if (file.size > MAX_PDF_BYTES) throw new FileRefusedError('pdf-too-large', name);
		const answer = await checkPdf(file);
		if (!answer.ok) throw new FileRefusedError(answer.reason, name);
		if (answer.kind !== 'pdf') throw new FileRefusedError('failed', name);
		return { data: new Blob([file], { type }), name, type, originalSize: file.size, size: file.size, pages: answer.pages };
	}
	if (file.size > MAX_PHOTO_INPUT_BYTES) throw new FileRefusedError('photo-too-large', name);
	const answer = await prepareOffPage({ kind: 'image', data: file });
	if (!answer.ok) throw new FileRefusedError(answer.reason, name);
	if (answer.kind !== 'image') throw new FileRefusedError('failed', name);
	const kept = answer.quality === null;
	// A kept original is re-labelled with its sniffed type (a PNG named .jpg stays a PNG).
	const data = kept ? new Blob([file], { type }) : answer.data;
	return {
		data,
		name: kept ? name : jpegName(name),
		type: kept ? type : 'image/jpeg',
		originalSize: file.size,
		size: data.size,
		pages: 1,
		width: answer.width,
		height: answer.height
	};
}

function jpegName(name: string): string {
	return /\.jpe?g$/i.test(name) ? name : `${name.replace(/\.[a-z0-9]{1,5}$/i, '')}.jpg`;
}

// ---- the worker -----------------------------------------------------------------------

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, (answer: PrepareAnswer) => void>();

function getWorker(): Worker | undefined {
	if (workerBroken || typeof Worker !== 'function') return undefined;
	if (!worker) {
		try {
			worker = new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			workerBroken = true;
			return undefined;
		}
		worker.onmessage = (event: MessageEvent<{ id: number; answer: PrepareAnswer }>) => {
			pending.get(event.data.id)?.(event.data.answer);
			pending.delete(event.data.id);
		};
		// The worker died (out of memory on a huge picture): every waiting file is refused, not frozen.
		worker.onerror = () => {
			for (const resolve of pending.values()) resolve({ ok: false, reason: 'failed' });
			pending.clear();
			worker?.terminate();
			worker = undefined;
		};
	}
	clearTimeout(idleTimer);
	// Its memory goes back to the phone once nothing is being prepared.
	idleTimer = setTimeout(() => {
		if (pending.size === 0) {
			worker?.terminate();
			worker = undefined;
		}
	}, 20_000);
	return worker;
}

async function prepareOffPage(request: PrepareRequest): Promise<PrepareAnswer> {
	const w = getWorker();
	if (!w) return (await import('./prepare-tasks')).runPrepareTask(request);
	const id = nextId++;
	return new Promise((resolve) => {
		pending.set(id, resolve);
		w.postMessage({ id, request });
	});
}
