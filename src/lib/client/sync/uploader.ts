/**
 * One attachment over tus 1.0 (resumable). The upload URL is handed back as soon as the
 * server creates it, and the server-acknowledged offset after every chunk, so the caller can
 * persist both: after a dropped connection, a closed app or a restarted phone the next run
 * asks the server for its offset (HEAD) and sends only the rest.
 */
import { DetailedError, Upload } from 'tus-js-client';
import { failureOf, networkFailure, type ApiFailure } from '../api/request';
import { FetchHttpStack } from './fetch-http-stack';

/** An interrupted chunk is lost whole: 256 KiB bounds the waste per disconnection. */
export const CHUNK_SIZE = 256 * 1024;
export const UPLOAD_ENDPOINT = '/api/uploads';

export interface UploadRequest {
	data: Blob;
	sha256: string;
	name: string;
	type: string;
	/** From a previous, interrupted attempt. */
	uploadUrl?: string;
	onUploadUrl(url: string): Promise<void> | void;
	/** Bytes the server has acknowledged so far. */
	onProgress(bytesAccepted: number, total: number): Promise<void> | void;
}

export type Uploader = (request: UploadRequest) => Promise<void>;

export function createTusUploader(httpStack = new FetchHttpStack()): Uploader {
	return (req) =>
		new Promise<void>((resolve, reject) => {
			// The callbacks write to IndexedDB; chain them so they land in order.
			let pending: Promise<unknown> = Promise.resolve();
			const upload: Upload = new Upload(req.data, {
				endpoint: UPLOAD_ENDPOINT,
				uploadUrl: req.uploadUrl ?? null,
				metadata: { sha256: req.sha256, filename: req.name, filetype: req.type },
				chunkSize: CHUNK_SIZE,
				// The outbox engine owns retries (backoff across app restarts), not the library.
				retryDelays: [],
				storeFingerprintForResuming: false,
				removeFingerprintOnSuccess: false,
				httpStack,
				onUploadUrlAvailable: () => {
					if (upload.url) pending = pending.then(() => req.onUploadUrl(upload.url!));
				},
				onChunkComplete: (_chunk, accepted, total) => {
					pending = pending.then(() => req.onProgress(accepted, total));
				},
				onSuccess: () => void pending.then(() => resolve(), reject),
				onError: (error) => void pending.finally(() => reject(classify(error)))
			});
			upload.start();
		});
}

/** The tus error as the one client error type: no answer = network; otherwise the server's envelope. */
function classify(error: Error): ApiFailure {
	const response = error instanceof DetailedError ? error.originalResponse : null;
	const status = response?.getStatus();
	if (!status) return networkFailure();
	let body: unknown;
	try {
		body = JSON.parse(response?.getBody() ?? '');
	} catch {
		body = undefined;
	}
	return failureOf(status, body);
}
