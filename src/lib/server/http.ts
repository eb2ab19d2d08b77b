import { json } from '@sveltejs/kit';

/** The one error shape of the API: `{ error: { code, message, fields? } }`, message in Vietnamese. */
export function jsonError(
	status: number,
	code: string,
	message: string,
	fields?: Record<string, string>,
	headers?: Record<string, string>
) {
	return json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers });
}
