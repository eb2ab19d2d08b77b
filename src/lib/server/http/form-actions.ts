/**
 * The one way a form action (register, sign-in, profile, officers…) answers a failure: an
 * `ApiError` becomes `fail(status, { message, fields, values })` for the page's error summary,
 * with what the person typed given back (never a password, PIN or code). Anything else is
 * rethrown, so SvelteKit's Vietnamese error page shows it.
 */
import { fail } from '@sveltejs/kit';
import type { FormFailure } from '$lib/domain/wire/errors';
import { ApiError } from './api-error';
import { isStorageError, STORAGE_MESSAGE } from './respond';

export function actionFailure(error: unknown, values: Record<string, string> = {}) {
	const safe = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|pin|code/i.test(k)));
	if (isStorageError(error)) return fail(503, { code: 'storage_unavailable', message: STORAGE_MESSAGE, values: safe } satisfies FormFailure);
	if (!(error instanceof ApiError)) throw error;
	const body: FormFailure = { code: error.code, message: error.message, values: safe };
	if (error.fields) body.fields = error.fields;
	if (error.retryAfterSeconds) body.retryAfterSeconds = error.retryAfterSeconds;
	return fail(error.status, body);
}

/** Text values of a submitted form (files ignored). */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}
