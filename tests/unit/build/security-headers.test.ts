/**
 * Issue 12, defect 9: every answer of `npm start` — prerendered pages, /_app files,
 * catalogue.json, units, API answers — carries the protective headers, and an answer that
 * sets its own (a page's CSP from SvelteKit, an attachment's sandbox) keeps its own.
 */
import { describe, expect, it } from 'vitest';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaders, withSecurityHeaders } from '../../../scripts/security-headers.js';

async function headersOf(handler: RequestListener, options: { https: boolean }, path = '/'): Promise<Headers> {
	const server = createServer(withSecurityHeaders(handler, options) as RequestListener);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	try {
		const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
		await answer.arrayBuffer();
		return answer.headers;
	} finally {
		server.close();
	}
}

// As sirv answers a prerendered page or a built file: writeHead with its own headers only.
const staticFile: RequestListener = (_req, res) => {
	res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=31536000, immutable' });
	res.end('{}');
};

describe('security headers on every answer', () => {
	it('adds nosniff, referrer policy, frame protection, permissions policy and a base CSP to a built file', async () => {
		const h = await headersOf(staticFile, { https: false }, '/_app/immutable/chunks/x.js');
		expect(h.get('x-content-type-options')).toBe('nosniff');
		expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(h.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\)/);
		expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'self'.*object-src 'none'.*base-uri 'self'/);
		expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
		// The file's own caching is kept.
		expect(h.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(h.get('strict-transport-security')).toBeNull();
	});

	it('sends HSTS only when the public origin is https', async () => {
		expect(securityHeaders({ https: true })['strict-transport-security']).toMatch(/^max-age=\d{8}; includeSubDomains$/);
		expect((await headersOf(staticFile, { https: true })).get('strict-transport-security')).toMatch(/^max-age=/);
	});

	it("keeps an answer's own CSP (a SvelteKit page's nonces, an attachment's sandbox)", async () => {
		const sandboxed: RequestListener = (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/pdf', 'content-security-policy': "default-src 'none'; sandbox" });
			res.end('%PDF-1.4');
		};
		expect((await headersOf(sandboxed, { https: false })).get('content-security-policy')).toBe("default-src 'none'; sandbox");
	});
});
