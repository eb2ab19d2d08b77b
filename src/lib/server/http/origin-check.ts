/**
 * The CSRF origin check on form posts, in place of SvelteKit's (which answers a bare English
 * 403 text): a form (urlencoded, multipart or text/plain) sent with POST/PUT/PATCH/DELETE
 * from another origin is refused, with a Vietnamese page that says what to do. In
 * development the loopback names of the same port (localhost, 127.0.0.1, [::1]) are one
 * site, so opening either address works.
 */
import { json } from '@sveltejs/kit';
import { errorEnvelope } from '$lib/domain/wire/errors';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export const CSRF_MESSAGE =
	'Biểu mẫu này được gửi từ một trang khác nên đã bị từ chối để bảo vệ tài khoản của bạn. Hãy mở ứng dụng bằng địa chỉ chính thức rồi gửi lại.';

function isForm(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

/** Whether `origin` (the request's Origin header) may post forms to `site`. */
export function isAllowedOrigin(origin: string | null, site: URL, development: boolean): boolean {
	if (origin === site.origin) return true;
	if (!origin || !development) return false;
	let from: URL;
	try {
		from = new URL(origin);
	} catch {
		return false;
	}
	return from.protocol === site.protocol && from.port === site.port && LOOPBACK.has(from.hostname) && LOOPBACK.has(site.hostname);
}

/** A 403 for a cross-site form post, or null when the request may go on. */
export function refuseCrossSiteForm(request: Request, site: URL, development: boolean): Response | null {
	if (!UNSAFE.has(request.method) || !isForm(request)) return null;
	if (isAllowedOrigin(request.headers.get('origin'), site, development)) return null;
	if (request.headers.get('accept')?.includes('application/json')) return json(errorEnvelope('csrf', CSRF_MESSAGE), { status: 403 });
	const home = site.origin;
	const page = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Biểu mẫu bị từ chối – Dịch vụ công</title><h1>Biểu mẫu bị từ chối</h1><p>${CSRF_MESSAGE}</p><p><a href="${home}/">Mở ${home}</a></p></html>`;
	return new Response(page, { status: 403, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
