/** The API's JSON error shape for the upload endpoints, and the tus hook error form. */

export const UNAUTHENTICATED =
	'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; hồ sơ của bạn vẫn được giữ trên máy.';

export interface ErrorBody {
	error: { code: string; message: string; detail?: string };
}

export function errorBody(code: string, message: string, detail?: string): ErrorBody {
	return { error: { code, message, ...(detail ? { detail } : {}) } };
}

export function jsonResponse(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'Tus-Resumable': '1.0.0' }
	});
}

/** What tus hooks throw to refuse a request: tus sends `body` with `status_code`. */
export function tusFailure(status: number, code: string, message: string) {
	return { status_code: status, body: JSON.stringify(errorBody(code, message)) };
}
