/** The request core of the API client: the one fetch wrapper and the one client error type. */
import { readErrorEnvelope, type ApiErrorBody } from '$lib/domain/wire/envelope';
import { common } from '$lib/i18n/vi/common';

export type FailureKind = 'network' | 'http' | 'invalid-answer';

/** Why a call to our API did not give what was asked for. */
export class ApiFailure extends Error {
	readonly code: string;
	readonly fields?: Record<string, string>;
	readonly details?: Record<string, unknown>;

	constructor(
		readonly kind: FailureKind,
		/** 0 when the server was not reached. */
		readonly status: number,
		body: ApiErrorBody,
		/** The answer's own body for a 4xx that has more beside the envelope (e.g. the search facets). */
		readonly extra?: unknown
	) {
		super(body.message);
		this.name = 'ApiFailure';
		this.code = body.code;
		this.fields = body.fields;
		this.details = body.details;
	}

	/** Worth trying again later as it is: no network, a timeout, too many requests, a server or storage fault. */
	get retryable(): boolean {
		return this.kind !== 'http' || this.status === 408 || this.status === 429 || this.status >= 500;
	}

	/** The session is gone: sign in again (never inferred from a 503). */
	get signedOut(): boolean {
		return this.status === 401;
	}
}

/** In Vietnamese wherever it is kept (the service worker stores it on the outbox entry); pages say it in the chosen language (../errors.ts). */
export const NETWORK_MESSAGE = common.networkDown;

export function networkFailure(): ApiFailure {
	return new ApiFailure('network', 0, { code: 'network', message: NETWORK_MESSAGE });
}

/** The failure an error answer stands for: its envelope when it has one, a plain message by status otherwise. */
export function failureOf(status: number, body: unknown): ApiFailure {
	const envelope = readErrorEnvelope(body);
	if (envelope) return new ApiFailure('http', status, envelope, body);
	const message =
		status >= 500
			? `Máy chủ đang bận hoặc gặp lỗi (mã ${status}); ứng dụng sẽ tự thử lại.`
			: `Máy chủ không nhận yêu cầu (mã ${status}).`;
	return new ApiFailure('http', status, { code: status >= 500 ? 'server_error' : 'invalid_request', message }, body);
}

/**
 * What checks an answer's body: a wire schema (anything with zod's `safeParse`), or a plain
 * reader returning the value or undefined where a page cannot afford a schema library.
 */
export type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false } } | ((data: unknown) => T | undefined);

function check<T>(schema: Schema<T>, body: unknown): { ok: true; data: T } | { ok: false } {
	if (typeof schema === 'function') {
		const data = schema(body);
		return data === undefined ? { ok: false } : { ok: true, data };
	}
	const parsed = schema.safeParse(body);
	return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
}

export const defaultFetch: typeof fetch = (...args) => globalThis.fetch(...args);

export interface Answer<T> {
	status: number;
	data: T;
}

export type Call = <T>(schema: Schema<T>, url: string, init?: RequestInit) => Promise<Answer<T>>;

/** `call(schema, url, init)`: fetch, then the parsed answer or an `ApiFailure`. */
export function createCall(fetcher: typeof fetch = defaultFetch): Call {
	return async function call<T>(schema: Schema<T>, url: string, init: RequestInit = {}): Promise<Answer<T>> {
		let response: Response;
		try {
			response = await fetcher(url, {
				credentials: 'same-origin',
				...init,
				headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers }
			});
		} catch (error) {
			if ((error as Error)?.name === 'AbortError') throw error;
			throw networkFailure();
		}
		const body: unknown = await response.json().catch(() => undefined);
		if (!response.ok) throw failureOf(response.status, body);
		const parsed = check(schema, body);
		if (!parsed.ok)
			throw new ApiFailure('invalid-answer', response.status, {
				code: 'invalid_answer',
				message: 'Máy chủ trả lời không đúng mẫu; ứng dụng sẽ hỏi lại sau.'
			});
		return { status: response.status, data: parsed.data };
	};
}

export const noStore: RequestInit = { cache: 'no-store' };
export const send = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), cache: 'no-store' });
export const data = <T>(p: Promise<Answer<T>>) => p.then((a) => a.data);
