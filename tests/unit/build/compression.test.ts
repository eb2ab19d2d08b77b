import { describe, expect, it } from 'vitest';
import { createServer, request, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding, withCompression } from '../../../scripts/compression.js';

async function get(handler: RequestListener, headers: Record<string, string>, method = 'GET') {
	const server = createServer(withCompression(handler) as RequestListener);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	try {
		return await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
			const req = request({ host: '127.0.0.1', port, path: '/', method, headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
			});
			req.on('error', reject);
			req.end();
		});
	} finally {
		server.close();
	}
}

const page = `<!doctype html><ol>${'<li><a href="/procedures/1.001193">Thủ tục đăng ký khai sinh</a></li>'.repeat(200)}</ol>`;
const html: RequestListener = (_req, res) => {
	res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(page)) });
	res.end(page);
};

describe('compression of rendered pages and API answers', () => {
	it('prefers brotli, falls back to gzip, honours q=0', () => {
		expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(pickEncoding('gzip, deflate')).toBe('gzip');
		expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding('')).toBeNull();
	});

	it('sends a page brotli-compressed, without its old length, with Vary', async () => {
		const r = await get(html, { 'accept-encoding': 'gzip, br' });
		expect(r.headers['content-encoding']).toBe('br');
		expect(r.headers['content-length']).toBeUndefined();
		expect(r.headers.vary).toMatch(/Accept-Encoding/);
		expect(r.body.length).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(brotliDecompressSync(r.body).toString()).toBe(page);
	});

	it('gzips for a browser without brotli, and JSON written in pieces without writeHead', async () => {
		const body = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ code: `1.00${i}`, name: 'Đăng ký kết hôn' })) });
		const r = await get(
			(_req, res) => {
				res.setHeader('content-type', 'application/json');
				res.write(body.slice(0, 1000));
				res.end(body.slice(1000));
			},
			{ 'accept-encoding': 'gzip' }
		);
		expect(r.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(gunzipSync(r.body).toString())).toEqual(JSON.parse(body));
	});

	it('leaves alone: no Accept-Encoding, HEAD, already encoded, small, binary, 304', async () => {
		expect((await get(html, {})).body.toString()).toBe(page);
		expect((await get(html, { 'accept-encoding': 'br' }, 'HEAD')).headers['content-encoding']).toBeUndefined();
		// As sirv answers a precompressed built file: its own Vary is not named twice.
		const encoded = await get((_q, res) => (res.writeHead(200, { 'content-type': 'text/css', 'content-encoding': 'gzip', vary: 'Accept-Encoding' }), res.end('x')), { 'accept-encoding': 'br' });
		expect(encoded.headers['content-encoding']).toBe('gzip');
		expect(encoded.headers.vary).toBe('Accept-Encoding');
		expect(encoded.body.toString()).toBe('x');
		const small = await get((_q, res) => (res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' }), res.end('{}')), { 'accept-encoding': 'br' });
		expect(small.headers['content-encoding']).toBeUndefined();
		const binary = await get((_q, res) => (res.writeHead(200, { 'content-type': 'application/pdf' }), res.end(Buffer.alloc(5000))), { 'accept-encoding': 'br' });
		expect(binary.headers['content-encoding']).toBeUndefined();
		expect(binary.body.length).toBe(5000);
		const notModified = await get((_q, res) => (res.writeHead(304, { 'content-type': 'text/html' }), res.end()), { 'accept-encoding': 'br' });
		expect(notModified.status).toBe(304);
		expect(notModified.headers['content-encoding']).toBeUndefined();
	});
});
