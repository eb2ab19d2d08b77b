/**
 * A tus-js-client HTTP stack on `fetch`. The library's default stack uses XMLHttpRequest,
 * which service workers do not have; with this one the same uploader runs in the page and
 * in the worker's Background Sync handler. Upload progress is reported when a chunk's
 * response arrives (fetch has no upload progress events); with 256 KiB chunks that is fine
 * grained enough for a progress bar.
 */
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';

/** A chunk that has not been answered in this long is treated as a dropped connection. */
const REQUEST_TIMEOUT_MS = 120_000;

export class FetchHttpStack implements HttpStack {
	constructor(private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {}

	createRequest(method: string, url: string): HttpRequest {
		return new FetchHttpRequest(method, url, this.fetchImpl);
	}

	getName(): string {
		return 'FetchHttpStack';
	}
}

class FetchHttpRequest implements HttpRequest {
	private readonly headers: Record<string, string> = {};
	private readonly controller = new AbortController();
	private onProgress: (bytesSent: number) => void = () => {};

	constructor(
		private readonly method: string,
		private readonly url: string,
		private readonly fetchImpl: typeof fetch
	) {}

	getMethod() {
		return this.method;
	}
	getURL() {
		return this.url;
	}
	setHeader(header: string, value: string) {
		this.headers[header] = value;
	}
	getHeader(header: string) {
		return this.headers[header];
	}
	setProgressHandler(handler: (bytesSent: number) => void) {
		this.onProgress = handler;
	}

	async send(body: unknown = null): Promise<HttpResponse> {
		const timer = setTimeout(() => this.controller.abort(), REQUEST_TIMEOUT_MS);
		try {
			const response = await this.fetchImpl(this.url, {
				method: this.method,
				headers: this.headers,
				body: (body ?? null) as BodyInit | null,
				signal: this.controller.signal,
				credentials: 'same-origin',
				cache: 'no-store'
			});
			const text = await response.text();
			if (response.ok && body instanceof Blob) this.onProgress(body.size);
			return new FetchHttpResponse(response, text);
		} finally {
			clearTimeout(timer);
		}
	}

	async abort() {
		this.controller.abort();
	}

	getUnderlyingObject() {
		return this.controller;
	}
}

class FetchHttpResponse implements HttpResponse {
	constructor(
		private readonly response: Response,
		private readonly body: string
	) {}
	getStatus() {
		return this.response.status;
	}
	getHeader(header: string) {
		return this.response.headers.get(header) ?? undefined;
	}
	getBody() {
		return this.body;
	}
	getUnderlyingObject() {
		return this.response;
	}
}
