/**
 * The size limit of a request body outside the upload endpoint. The HTTP server's own limit
 * (BODY_SIZE_LIMIT) lets one whole-file tus piece through; every other request (a dossier
 * manifest, a form) is far smaller, and one over this limit is refused here at once with a
 * message that says what happened — never "invalid JSON, will resend", never "server error".
 */
import { json } from '@sveltejs/kit';
import { formatBytes } from '$lib/domain/format';
import { errorEnvelope } from '$lib/domain/wire/errors';
import { ApiError } from './api-error';

export const REQUEST_BODY_LIMIT = 2 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = `Nội dung gửi lên quá lớn (hơn ${formatBytes(REQUEST_BODY_LIMIT)}) nên máy chủ không nhận. Hãy rút gọn những gì đã nhập rồi gửi lại; ứng dụng không tự gửi lại nội dung này.`;

export const payloadTooLarge = () => new ApiError('payload_too_large', TOO_LARGE_MESSAGE);

/** A 413 for a declared body over the limit (uploads excepted), or null. */
export function refuseLargeBody(request: Request, pathname: string): Response | null {
	if (pathname === '/api/uploads' || pathname.startsWith('/api/uploads/')) return null;
	const length = Number(request.headers.get('content-length') ?? 0);
	if (!(length > REQUEST_BODY_LIMIT)) return null;
	const headers = { 'cache-control': 'no-store' };
	// A form sent by SvelteKit's enhance: an action result it can show on the page.
	if (request.headers.get('x-sveltekit-action') === 'true')
		return json({ type: 'error', error: { message: TOO_LARGE_MESSAGE, code: 'payload_too_large' } }, { status: 413, headers });
	if (pathname.startsWith('/api/') || request.headers.get('accept')?.includes('application/json'))
		return json(errorEnvelope('payload_too_large', TOO_LARGE_MESSAGE), { status: 413, headers });
	const page = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Nội dung quá lớn – Dịch vụ công</title><h1>Nội dung quá lớn</h1><p>${TOO_LARGE_MESSAGE}</p><p><a href="javascript:history.back()">Quay lại</a></p></html>`;
	return new Response(page, { status: 413, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

/** The body as text, stopped with a 413 as soon as it passes the limit (a body sent without Content-Length). */
export async function readLimitedText(request: Request, limit = REQUEST_BODY_LIMIT): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => undefined);
			throw payloadTooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}
