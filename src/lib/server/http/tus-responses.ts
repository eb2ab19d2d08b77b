/** The upload endpoint's answers in the API's envelope, with the tus header every tus answer carries. */
import { ApiError } from './api-error';

export const TUS_HEADERS = { 'Tus-Resumable': '1.0.0', 'Cache-Control': 'no-store' } as const;

export function tusErrorResponse(error: ApiError): Response {
	return new Response(JSON.stringify(error.toJSON()), {
		status: error.status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...TUS_HEADERS, ...error.headers() }
	});
}

/** What a tus hook throws to refuse a request: @tus/server sends `body` with `status_code`. */
export function tusFailure(error: ApiError) {
	return { status_code: error.status, body: JSON.stringify(error.toJSON()) };
}
