/**
 * The API's one error envelope, `{ error: { code, message, fields?, details? } }`, and every
 * error code the server answers with its HTTP status. Codes are snake_case and stable:
 * the sync engine, the service worker and other systems branch on them; the message is
 * Vietnamese and shown to the person as is; `fields` maps a field path to its message.
 */
export const errorStatus = {
	// 400: the request itself is wrong
	invalid_request: 400,
	invalid_input: 400,
	invalid_id: 400,
	invalid_query: 400,
	invalid_received_at: 400,
	invalid_upload_metadata: 400,
	size_required: 400,
	empty_file: 400,
	invalid_credentials: 400,
	account_pending: 400,
	account_locked: 400,
	code_invalid: 400,
	code_expired: 400,
	code_used: 400,
	code_too_many_attempts: 400,
	/** Several paid fees and none named: which receipt is meant (GET /api/dossiers/{id}/receipt). */
	obligation_required: 400,
	// 401/403: who is asking
	unauthenticated: 401,
	forbidden: 403,
	csrf: 403,
	// 404/409/410: the thing asked for
	not_found: 404,
	procedure_not_found: 404,
	upload_not_found: 404,
	duplicate: 409,
	dossier_id_taken: 409,
	dossier_conflict: 409,
	offset_mismatch: 409,
	status_changed: 409,
	assigned_to_other: 409,
	request_reused: 409,
	already_paid: 409,
	transfer_matched: 409,
	already_rated: 409,
	upload_gone: 410,
	// 413/415/422/423: what was sent
	payload_too_large: 413,
	file_too_large: 413,
	dossier_too_large: 413,
	unsupported_type: 415,
	invalid_manifest: 422,
	unknown_procedure: 422,
	unknown_agency: 422,
	agency_not_competent: 422,
	invalid_delivery: 422,
	invalid_answers: 422,
	missing_blobs: 422,
	attachment_mismatch: 422,
	unsafe_file: 422,
	size_mismatch: 422,
	hash_mismatch: 422,
	action_not_allowed: 422,
	payment_method_unavailable: 422,
	transfer_amount_mismatch: 422,
	upload_locked: 423,
	// 429: slow down
	rate_limited: 429,
	resend_too_soon: 429,
	submission_limit: 429,
	upload_quota_exceeded: 429,
	// 5xx: our side
	server_error: 500,
	upload_error: 500,
	sequence_exhausted: 503,
	storage_unavailable: 503,
	service_unavailable: 503
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorStatus, code);

export interface ApiErrorBody {
	/** A code of `errorStatus`; a newer server may send one this release does not know. */
	code: string;
	message: string;
	fields?: Record<string, string>;
	/** Machine-readable detail beside the fields, e.g. `{ missing: [sha256…] }`. */
	details?: Record<string, unknown>;
}
export interface ErrorEnvelope {
	error: ApiErrorBody;
}

/** The envelope in an answer's body, checked without a schema library (every page reads errors). */
export function readErrorEnvelope(body: unknown): ApiErrorBody | undefined {
	const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
	if (!error || typeof error !== 'object' || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
	const fields = isStringRecord(error.fields) ? error.fields : undefined;
	const details = error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? (error.details as Record<string, unknown>) : undefined;
	return { code: error.code, message: error.message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) };
}

function isStringRecord(v: unknown): v is Record<string, string> {
	return Boolean(v) && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === 'string');
}

/** The envelope for a code, message and optional fields/details (both sides build it here). */
export function errorEnvelope(
	code: string,
	message: string,
	fields?: Record<string, string>,
	details?: Record<string, unknown>
): ErrorEnvelope {
	return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), ...(details ? { details } : {}) } };
}

/** Validation issues (zod or zod/mini) → `{ field path: message }`, the first message per field; `_` is the whole value. */
export function fieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.map(String).join('.') || '_';
		fields[key] ??= issue.message;
	}
	return fields;
}

/** "Có 3 chỗ cần sửa" under a heading, or the single message itself. */
export function summarizeFields(fields: Record<string, string>, what: string): string {
	const messages = Object.values(fields);
	return messages.length === 1 ? messages[0] : `${what}: có ${messages.length} chỗ cần sửa`;
}

/** What a failed form action hands back to its page (SvelteKit `fail()` data): the envelope's parts plus what was typed. */
export interface FormFailure {
	code: string;
	message: string;
	fields?: Record<string, string>;
	/** The text values as submitted, so nothing typed is lost (never a password, PIN or code). */
	values?: Record<string, string>;
	retryAfterSeconds?: number;
}
