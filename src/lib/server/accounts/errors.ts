import type { z } from 'zod';
import { fieldErrors } from '$lib/domain/account';

/**
 * A failure a person can act on. `message` is Vietnamese and shown as is; `fields` names
 * the inputs at fault. Routes turn it into `{ error: { code, message, fields } }`.
 */
export class AccountError extends Error {
	constructor(
		readonly code: AccountErrorCode,
		message: string,
		readonly fields?: Record<string, string>,
		/** For rate limits: seconds until a retry can succeed. */
		readonly retryAfterSeconds?: number
	) {
		super(message);
		this.name = 'AccountError';
	}

	toJSON() {
		return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
	}
}

export type AccountErrorCode =
	| 'invalid-input'
	| 'duplicate'
	| 'invalid-credentials'
	| 'pending'
	| 'locked'
	| 'rate-limited'
	| 'code-invalid'
	| 'code-expired'
	| 'code-used'
	| 'code-too-many-attempts'
	| 'resend-too-soon'
	| 'forbidden'
	| 'not-found';

export const INVALID_CREDENTIALS = 'Sai thông tin đăng nhập';

export function invalidInput(error: z.ZodError): AccountError {
	const fields = fieldErrors(error);
	const count = Object.keys(fields).length;
	return new AccountError(
		'invalid-input',
		count === 1 ? Object.values(fields)[0] : `Có ${count} thông tin cần sửa`,
		fields
	);
}

export function rateLimited(retryAfterMs: number, what: string): AccountError {
	const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
	return new AccountError(
		'rate-limited',
		`${what} quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
		undefined,
		Math.ceil(retryAfterMs / 1000)
	);
}
