/**
 * Shared by the account pages (register, sign-in, profile, officers): the labels the error
 * summary shows, and the one way a form action turns a service failure into `fail()`.
 * Universal code: no server imports, so the pages can use the labels too.
 */
import { fail } from '@sveltejs/kit';

export const FIELD_LABELS: Record<string, string> = {
	fullName: 'Họ và tên',
	idNumber: 'Số CCCD',
	dateOfBirth: 'Ngày sinh',
	sex: 'Giới tính',
	phone: 'Số điện thoại di động',
	email: 'E-mail',
	permanentAddress: 'Địa chỉ thường trú',
	password: 'Mật khẩu',
	channel: 'Nhận mã qua',
	code: 'Mã xác nhận',
	identifier: 'Số CCCD hoặc số điện thoại',
	currentPassword: 'Mật khẩu hiện tại',
	newPassword: 'Mật khẩu mới',
	agencyCode: 'Cơ quan',
	role: 'Vai trò',
	pin: 'Mã PIN'
};

export interface SummaryItem {
	path: string;
	label: string;
	message: string;
}

/** `{ field: message }` → the rows of `ErrorSummary` (link target `#f-<path>`). */
export function summaryOf(fields: Record<string, string> | undefined, formMessage?: string): SummaryItem[] {
	const items = Object.entries(fields ?? {})
		.filter(([path]) => path !== '_')
		.map(([path, message]) => ({ path, label: FIELD_LABELS[path.split('.')[0]] ?? 'Thông tin', message }));
	if (!items.length && formMessage) items.push({ path: 'form', label: 'Lỗi', message: formMessage });
	return items;
}

/** What every failed account action returns to its page. */
export interface FormFailure {
	message: string;
	fields?: Record<string, string>;
	values?: Record<string, string>;
	retryAfterSeconds?: number;
}

interface AccountErrorLike {
	name: string;
	code: string;
	message: string;
	fields?: Record<string, string>;
	retryAfterSeconds?: number;
}

const isAccountError = (e: unknown): e is AccountErrorLike => (e as Error)?.name === 'AccountError';

const STATUS: Record<string, number> = {
	'rate-limited': 429,
	'resend-too-soon': 429,
	'invalid-credentials': 400,
	forbidden: 403,
	'not-found': 404,
	duplicate: 409
};

/**
 * An AccountError → `fail(status, { message, fields, values })`; anything else is rethrown
 * so SvelteKit's error page (Vietnamese, via handleError) shows it. Passwords are never
 * echoed back in `values`.
 */
export function accountFailure(error: unknown, values: Record<string, string> = {}) {
	if (!isAccountError(error)) throw error;
	const safe = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|pin|code/i.test(k)));
	const body: FormFailure = { message: error.message, values: safe };
	if (error.fields) body.fields = error.fields;
	if (error.retryAfterSeconds) body.retryAfterSeconds = error.retryAfterSeconds;
	return fail(STATUS[error.code] ?? 400, body);
}

/** Text values of a submitted form (files ignored). */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

/** "001090012345" → "0010••••••45" for lists and the device account picker. */
export function maskIdNumber(idNumber: string): string {
	return idNumber.length > 6 ? `${idNumber.slice(0, 4)}${'•'.repeat(idNumber.length - 6)}${idNumber.slice(-2)}` : '••••';
}
