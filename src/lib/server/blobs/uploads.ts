/**
 * Resumable uploads (tus 1.0, @tus/server + @tus/file-store) for dossier attachments.
 *
 * - Partial files live under `${DATA_DIR}/uploads`; the file store keeps each upload's
 *   metadata in a JSON file beside it and its offset is the file's length, so a restart
 *   loses nothing the server acknowledged.
 * - Every upload is tied to its account in the `uploads` table; another account's upload id
 *   answers 404, as if it did not exist.
 * - When the last byte arrives the file is hashed, measured and sniffed, then moved into
 *   the content-addressed blob store and recorded as a blob of that account.
 */
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { Kysely } from 'kysely';
import { formatBytes, formatSizeOverLimit } from '$lib/domain/format';
import { attachmentTypes } from '$lib/domain/wire/primitives';
import { tusMetadataSchema } from '$lib/domain/wire/dossiers';
import type { ErrorCode } from '$lib/domain/wire/errors';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { uploadsDir } from './store';
import { addBytesReceived, createUploadRecord, findOwnUpload } from './upload-records';
import { checkUploadQuota } from './orphans';
import { verifyFinishedUpload } from './verify-upload';
import { ApiError, unauthenticated } from '../http/api-error';
import { TUS_HEADERS, tusErrorResponse, tusFailure } from '../http/tus-responses';

export const UPLOADS_PATH = '/api/uploads';

export interface UploadDeps {
	db: Kysely<Database>;
	config: Pick<Config, 'dataDir' | 'upload'>;
	now?: () => Date;
}

export interface UploadHandler {
	/** Answers one tus request for `accountId` (null when nobody is signed in). */
	handle(request: Request, accountId: string | null): Promise<Response>;
	store: FileStore;
}

export function createUploadHandler(deps: UploadDeps): UploadHandler {
	const { db, config } = deps;
	const now = () => deps.now?.() ?? new Date();
	const store = new FileStore({ directory: uploadsDir(config.dataDir) });
	// The account and the upload id of each request, keyed by the Request object tus hands
	// back to the hooks (the same object we pass to handleWeb).
	const accounts = new WeakMap<Request, string>();
	const createdIds = new WeakMap<Request, string>();

	const server = new Server({
		path: UPLOADS_PATH,
		datastore: store,
		// tus refuses a declared length over the per-file limit itself, before any byte.
		maxSize: config.upload.maxFileBytes,
		relativeLocation: true,
		respectForwardedHeaders: true,
		async onUploadCreate(req, upload) {
			const accountId = accounts.get(req as unknown as Request);
			if (!accountId) throw tusFailure(unauthenticated());
			const declared = checkDeclaration(upload, config.upload.maxFileBytes);
			try {
				await checkUploadQuota(db, accountId, declared, config.upload.quotaBytes);
			} catch (error) {
				throw error instanceof ApiError ? tusFailure(error) : error;
			}
			await createUploadRecord(db, { id: upload.id, accountId, sha256: declared.sha256, size: declared.size, at: now() });
			createdIds.set(req as unknown as Request, upload.id);
			return {};
		},
		async onUploadFinish(req, upload) {
			const accountId = accounts.get(req as unknown as Request);
			if (!accountId) throw tusFailure(unauthenticated());
			await verifyFinishedUpload({ db, dataDir: config.dataDir, store, now }, upload, accountId);
			return {};
		}
	});

	async function handle(request: Request, accountId: string | null): Promise<Response> {
		if (request.method === 'OPTIONS') return server.handleWeb(request);
		if (!accountId) return tusErrorResponse(unauthenticated());

		let uploadId: string | undefined;
		if (request.method !== 'POST') {
			uploadId = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
			const own = uploadId ? await findOwnUpload(db, uploadId, accountId) : undefined;
			if (!own) return tusErrorResponse(new ApiError('upload_not_found', 'Không tìm thấy lượt tải tệp này; ứng dụng sẽ tải lại tệp từ đầu.'));
			// Finished uploads have moved into the blob store; answer as tus would have, so a
			// client whose last response was lost learns that everything arrived.
			if (own.completed_at && (request.method === 'HEAD' || request.method === 'PATCH')) return finishedResponse(request.method, Number(own.size));
		}

		let received = 0;
		// A body the HTTP server stops midway (its body-size limit, a dropped link) must still
		// get an answer: tus keeps waiting for the rest, so answer as soon as the body fails.
		let bodyFailed!: (answer: Response) => void;
		const failure = new Promise<Response>((done) => (bodyFailed = done));
		const counted = countBody(request, (n) => (received += n), (error) => bodyFailed(bodyFailureResponse(error)));
		accounts.set(counted, accountId);
		try {
			return await Promise.race([server.handleWeb(counted).then((answer) => normalizeError(answer, config.upload.maxFileBytes)), failure]);
		} finally {
			const id = uploadId ?? createdIds.get(counted);
			if (id && received > 0) await addBytesReceived(db, id, received);
		}
	}

	return { handle, store };
}

function checkDeclaration(upload: Upload, maxFileBytes: number): { sha256: string; size: number } {
	const meta = tusMetadataSchema.safeParse(upload.metadata ?? {});
	if (!meta.success) throw tusFailure(new ApiError('invalid_upload_metadata', meta.error.issues[0].message));
	const { sha256, filename, filetype } = meta.data;
	if (!(attachmentTypes as readonly string[]).includes(filetype))
		throw tusFailure(new ApiError('unsupported_type', `Tệp "${filename}" không được nhận: chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF.`));
	if (upload.size === undefined)
		throw tusFailure(new ApiError('size_required', 'Cần khai báo dung lượng tệp (Upload-Length) khi bắt đầu tải.'));
	if (upload.size <= 0) throw tusFailure(new ApiError('empty_file', `Tệp "${filename}" rỗng; hãy chọn lại tệp.`));
	const over = formatSizeOverLimit(upload.size, maxFileBytes);
	if (upload.size > maxFileBytes)
		throw tusFailure(
			new ApiError(
				'file_too_large',
				`Tệp "${filename}" nặng ${over.size}, vượt giới hạn ${over.limit} cho mỗi tệp; hãy chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.`
			)
		);
	return { sha256, size: upload.size };
}

/**
 * A copy of the request whose body counts the bytes as tus reads them (even if the link
 * drops midway) and reports a body that fails before its end.
 */
function countBody(request: Request, onBytes: (n: number) => void, onFailure: (error: unknown) => void): Request {
	if (!request.body) return new Request(request);
	const reader = request.body.getReader();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { done, value } = await reader.read();
				if (done) return controller.close();
				onBytes(value.byteLength);
				controller.enqueue(value);
			} catch (error) {
				onFailure(error);
				controller.error(error);
			}
		},
		cancel: (reason) => reader.cancel(reason)
	});
	return new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body,
		signal: request.signal,
		// Required by undici for a streamed body.
		duplex: 'half'
	} as RequestInit);
}

/** The answer for a body that failed: 413 when the server's body-size limit stopped it, else a retryable 500. */
function bodyFailureResponse(error: unknown): Response {
	const status = (error as { status?: unknown } | null)?.status;
	if (status === 413)
		return tusErrorResponse(
			new ApiError('payload_too_large', 'Phần tệp gửi lên một lần lớn hơn giới hạn của máy chủ; hãy gửi tệp thành từng phần nhỏ hơn.', { status: 413 })
		);
	return tusErrorResponse(new ApiError('upload_error', 'Kết nối bị ngắt khi đang nhận tệp; ứng dụng sẽ tải tiếp từ chỗ đã nhận.', { status: 500 }));
}

function finishedResponse(method: string, size: number): Response {
	const headers = new Headers({ ...TUS_HEADERS, 'Upload-Offset': String(size) });
	if (method === 'HEAD') {
		headers.set('Upload-Length', String(size));
		return new Response(null, { status: 200, headers });
	}
	return new Response(null, { status: 204, headers });
}

/** tus answers its own errors in plain English text; give every error the API's JSON shape. */
async function normalizeError(response: Response, maxFileBytes: number): Promise<Response> {
	if (response.status < 400) return response;
	const text = await response.text();
	const headers = new Headers(response.headers);
	headers.set('Content-Type', 'application/json; charset=utf-8');
	headers.delete('Content-Length');
	let body = text;
	try {
		if (!JSON.parse(text)?.error) throw new Error('not ours');
	} catch {
		const code = tusCode(response.status);
		body = JSON.stringify(new ApiError(code, tusMessage(response.status, maxFileBytes), { status: response.status, details: { tus: text.trim() } }).toJSON());
	}
	return new Response(body, { status: response.status, headers });
}

function tusCode(status: number): ErrorCode {
	const codes: Record<number, ErrorCode> = { 404: 'upload_not_found', 409: 'offset_mismatch', 410: 'upload_gone', 413: 'file_too_large', 423: 'upload_locked' };
	return codes[status] ?? (status >= 500 ? 'upload_error' : 'invalid_request');
}

function tusMessage(status: number, maxFileBytes: number): string {
	switch (status) {
		case 404:
		case 410:
			return 'Không tìm thấy lượt tải tệp này; ứng dụng sẽ tải lại tệp từ đầu.';
		case 409:
			return 'Vị trí tiếp tục tải không khớp với máy chủ; ứng dụng sẽ hỏi lại máy chủ rồi tải tiếp.';
		case 413:
			return `Tệp vượt giới hạn ${formatBytes(maxFileBytes)} cho mỗi tệp; hãy chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.`;
		case 423:
			return 'Tệp này đang được tải từ một kết nối khác; hãy đợi một chút.';
		default:
			return status >= 500 ? 'Máy chủ gặp lỗi khi nhận tệp; ứng dụng sẽ thử lại.' : 'Yêu cầu tải tệp không hợp lệ.';
	}
}
