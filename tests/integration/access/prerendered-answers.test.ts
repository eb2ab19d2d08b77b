/**
 * Prerendered API answers through `npm start` (scripts/start.js): each procedure page's
 * `/api/procedures/{code}` is prerendered as a file without a known extension. It used to go
 * out with an empty Content-Type and uncompressed (18.7 KB for the birth form, where brotli
 * takes 3.7 KB), on the first form a phone opens from a link, before any service worker.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from './built-server';

let server: BuiltServer;
beforeAll(async () => {
	server = await startBuiltServer({}, 'start');
}, 60_000);
afterAll(async () => server?.stop());

/** The raw answer, as a phone's browser receives it (Node's fetch would decode it). */
function get(path: string, acceptEncoding?: string) {
	const url = new URL(path, server.origin);
	return new Promise<{ status: number; type?: string; encoding?: string; body: Buffer }>((resolve, reject) => {
		request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('prerendered /api/procedures/{code} through npm start', () => {
	it('is JSON with its type, brotli or gzip when the browser takes it, plain otherwise', async () => {
		const plain = await get('/api/procedures/1.001193');
		expect([plain.status, plain.type, plain.encoding]).toEqual([200, 'application/json', undefined]);
		const procedure = JSON.parse(plain.body.toString('utf8'));
		expect(procedure.code).toBe('1.001193');

		const br = await get('/api/procedures/1.001193', 'gzip, deflate, br');
		expect([br.status, br.type, br.encoding]).toEqual([200, 'application/json', 'br']);
		expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(procedure);
		// Sizes, not times: a quarter of the plain answer or less.
		expect(br.body.length).toBeLessThan(plain.body.length / 4);

		const gz = await get('/api/procedures/1.001193?from=sms', 'gzip');
		expect([gz.type, gz.encoding]).toEqual(['application/json', 'gzip']);
		expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(procedure);
	});

	it('leaves answers that have a type alone, and an unknown code is still the API’s 404', async () => {
		const catalogue = await get('/catalogue.json', 'br');
		expect([catalogue.type, catalogue.encoding]).toEqual(['application/json', 'br']);
		const missing = await get('/api/procedures/9.999999');
		expect(missing.status).toBe(404);
		expect(missing.type).toMatch(/^application\/json/);
	});
});
