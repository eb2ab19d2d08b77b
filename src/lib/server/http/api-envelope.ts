/**
 * Errors SvelteKit answers by itself under /api/ (an unknown route as an HTML page, a method
 * not allowed as text, an error thrown past `respond()` as `{ message, code }`) are rewritten
 * into the API's one envelope `{ error: { code, message } }`, so that every client reads every
 * failure the same way and a person never sees an English or HTML fragment.
 */
import { errorEnvelope } from '$lib/domain/wire/errors';
import { SERVER_MESSAGE } from './respond';

const BY_STATUS: Record<number, [code: string, message: string]> = {
	400: ['invalid_request', 'Yêu cầu gửi lên chưa hợp lệ.'],
	401: ['unauthenticated', 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; hồ sơ của bạn vẫn được giữ trên máy.'],
	403: ['forbidden', 'Bạn không có quyền thực hiện việc này.'],
	404: ['not_found', 'Không có địa chỉ này trong ứng dụng.'],
	405: ['invalid_request', 'Địa chỉ này không nhận cách gửi này.'],
	413: ['payload_too_large', 'Nội dung gửi lên quá lớn.']
};

export async function apiErrorEnvelope(response: Response): Promise<Response> {
	if (response.status < 400) return response;
	const [fallbackCode, fallbackMessage] = BY_STATUS[response.status] ?? (response.status >= 500 ? ['server_error', SERVER_MESSAGE] : ['invalid_request', BY_STATUS[400][1]]);
	let code = fallbackCode;
	let message = fallbackMessage;
	if (response.headers.get('content-type')?.includes('application/json')) {
		const body = (await response.clone().json().catch(() => undefined)) as { error?: unknown; message?: unknown; code?: unknown } | undefined;
		if (body && typeof body === 'object' && 'error' in body) return response;
		if (typeof body?.code === 'string') code = body.code;
		// SvelteKit's own English texts ("Not Found", "Internal Error") are not shown to people.
		if (typeof body?.message === 'string' && /[^\x00-\x7f]/.test(body.message)) message = body.message;
	}
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.delete('content-encoding');
	headers.set('content-type', 'application/json');
	return new Response(JSON.stringify(errorEnvelope(code, message)), { status: response.status, headers });
}
