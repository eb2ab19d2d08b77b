/**
 * The server's one error type. Every service throws `ApiError` for a failure a person can
 * act on; `respond()` (API routes), `actionFailure()` (form actions) and the tus hooks turn
 * it into the one envelope `{ error: { code, message, fields?, details? } }`. The HTTP status
 * comes from the code (domain/wire/errors.ts) unless a case needs another.
 */
import { errorEnvelope, errorStatus, fieldErrors, summarizeFields, type ErrorCode, type ErrorEnvelope } from '$lib/domain/wire/errors';

export interface ApiErrorOptions {
	status?: number;
	/** Field path → message, shown beside each input. */
	fields?: Record<string, string>;
	/** Machine-readable detail, e.g. `{ missing: [sha256…] }` or `{ status: { code, name } }`. */
	details?: Record<string, unknown>;
	/** For rate limits: seconds until a retry can succeed (sent as Retry-After). */
	retryAfterSeconds?: number;
}

export class ApiError extends Error {
	readonly status: number;
	readonly fields?: Record<string, string>;
	readonly details?: Record<string, unknown>;
	readonly retryAfterSeconds?: number;

	constructor(
		readonly code: ErrorCode,
		message: string,
		options: ApiErrorOptions = {}
	) {
		super(message);
		this.name = 'ApiError';
		this.status = options.status ?? errorStatus[code];
		this.fields = options.fields;
		this.details = options.details;
		this.retryAfterSeconds = options.retryAfterSeconds;
	}

	toJSON(): ErrorEnvelope {
		return errorEnvelope(this.code, this.message, this.fields, this.details);
	}

	headers(): Record<string, string> {
		return this.retryAfterSeconds ? { 'retry-after': String(this.retryAfterSeconds) } : {};
	}
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const UNAUTHENTICATED_MESSAGE = 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; hồ sơ của bạn vẫn được giữ trên máy.';

export const unauthenticated = (message = UNAUTHENTICATED_MESSAGE) => new ApiError('unauthenticated', message);

/** A failed validation: one message, or "Có N thông tin cần sửa", with every field's message. */
export function invalidInput(
	error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
	code: ErrorCode = 'invalid_input',
	what = 'Thông tin gửi lên chưa hợp lệ'
): ApiError {
	const fields = fieldErrors(error);
	const count = Object.keys(fields).length;
	const message = code === 'invalid_input' ? (count === 1 ? Object.values(fields)[0] : `Có ${count} thông tin cần sửa`) : summarizeFields(fields, what);
	return new ApiError(code, message, { fields });
}

export function rateLimited(retryAfterMs: number, what: string): ApiError {
	const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
	const wait = seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
	return new ApiError('rate_limited', `${what} quá nhiều lần. Vui lòng thử lại sau ${wait}.`, {
		retryAfterSeconds: Math.ceil(retryAfterMs / 1000)
	});
}
