/**
 * How every API route answers: `respond(() => …)` runs the handler and turns whatever it
 * throws into the one error envelope — an `ApiError` as itself, a storage failure (disk
 * full, database down) as a 503 the client retries, anything else as a logged 500. Routes
 * stay thin: parse with a wire schema (`readJson`), call a service, answer JSON.
 */
import { isHttpError, isRedirect, json } from '@sveltejs/kit';
import { errorEnvelope } from '$lib/domain/wire/errors';
import { ApiError, invalidInput, unauthenticated } from './api-error';
import { payloadTooLarge, readLimitedText } from './body-limit';

type Locals = { account?: { id: string; role?: string } | null };

export async function respond(work: () => Response | Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (error) {
		return errorResponse(error);
	}
}

/** The response for a thrown value (SvelteKit's own `error()`/`redirect()` are rethrown). */
export function errorResponse(error: unknown): Response {
	if (error instanceof ApiError) return json(error.toJSON(), { status: error.status, headers: error.headers() });
	if (isRedirect(error) || isHttpError(error)) throw error;
	if (isStorageError(error)) {
		console.error('Storage unavailable:', error);
		return json(errorEnvelope('storage_unavailable', STORAGE_MESSAGE), { status: 503, headers: { 'retry-after': '30' } });
	}
	console.error(error);
	return json(errorEnvelope('server_error', SERVER_MESSAGE), { status: 500 });
}

export const STORAGE_MESSAGE =
	'Máy chủ tạm thời không lưu được dữ liệu. Những gì bạn đã nhập vẫn được giữ trên máy; hãy thử lại sau ít phút.';
export const SERVER_MESSAGE = 'Đã có lỗi ở máy chủ. Những gì bạn đã nhập vẫn được giữ trên máy; hãy thử lại sau ít phút.';

/**
 * A failure of the database or the disk rather than of the request: SQLite's full/IO/busy
 * errors, PostgreSQL's connection and resource classes, the OS's ENOSPC. Answered 503 so
 * that the client keeps the work and tries again, never as "signed out".
 */
export function isStorageError(error: unknown): boolean {
	const e = error as { code?: unknown; errno?: unknown } | null;
	const code = typeof e?.code === 'string' ? e.code : '';
	if (/^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|CORRUPT|NOMEM|PROTOCOL)/.test(code)) return true;
	// PostgreSQL SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (shutdown), 58 (system).
	if (/^(08|53|57P|58)[0-9A-Z]{1,3}$/.test(code)) return true;
	return ['ENOSPC', 'EDQUOT', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EROFS', 'EIO'].includes(code);
}

/** The request body as JSON (optionally parsed with a wire schema), or a 400/422 the person can act on. */
export async function readJson(request: Request): Promise<unknown>;
export async function readJson<T>(request: Request, schema: Parser<T>, what?: string): Promise<T>;
export async function readJson<T>(request: Request, schema?: Parser<T>, what?: string): Promise<T | unknown> {
	let text: string;
	try {
		text = await readLimitedText(request);
	} catch (error) {
		// The HTTP server's own limit stopped the body (status 413), or ours did.
		if (error instanceof ApiError || (error as { status?: unknown })?.status === 413) throw payloadTooLarge();
		throw error;
	}
	let body: unknown;
	let hasNul = false;
	try {
		// PostgreSQL cannot store U+0000 in text: refused here for every endpoint, not as a 500 at the INSERT.
		body = JSON.parse(text, (_key, value: unknown) => {
			if (typeof value === 'string' && value.includes('\u0000')) hasNul = true;
			return value;
		});
	} catch (error) {
		// Valid JSON nested thousands of levels deep overflows the reviver's stack: say so, not "not JSON".
		if (error instanceof RangeError) throw new ApiError('invalid_request', 'Nội dung gửi lên lồng nhau quá sâu nên không đọc được.');
		throw new ApiError('invalid_request', 'Nội dung gửi lên không phải JSON hợp lệ.');
	}
	if (hasNul) throw new ApiError('invalid_request', 'Nội dung gửi lên có ký tự NUL (U+0000), không lưu được; hãy xoá rồi gõ lại đoạn chữ đó.');
	return schema ? parseWith(schema, body, 'invalid_request', what) : body;
}

type Parser<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } };

/** Parses with a wire schema, or throws the envelope naming each field at fault. */
export function parseWith<T>(schema: Parser<T>, data: unknown, code: 'invalid_request' | 'invalid_input' | 'invalid_manifest' | 'invalid_query' = 'invalid_request', what = 'Nội dung gửi lên chưa hợp lệ'): T {
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw invalidInput(parsed.error, code, what);
	return parsed.data;
}

/** The signed-in account that hooks.server.ts put on `locals`, or a 401. */
export function requireAccount(locals: Locals): string {
	const account = locals.account;
	if (!account) throw unauthenticated();
	return account.id;
}

export const accountIdOf = (locals: Locals): string | null => locals.account?.id ?? null;
