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

describe('a link to a form (issue 13: the form from an SMS)', () => {
	const preload = (code: string) => `<link rel="preload" href="/api/procedures/${code}" as="fetch" crossorigin="anonymous">`;

	it('names the procedure the form needs in the page itself, so it comes with the first round of requests', async () => {
		const page = await get('/procedures/1.001193/apply');
		expect(page.status).toBe(200);
		expect(page.body.toString('utf8')).toContain(preload('1.001193'));
		// The account's details are named only for a signed-in person (tests/e2e/drafts.spec.ts).
		expect(page.body.toString('utf8')).not.toContain('href="/api/account"');
	});

	it('names the draft page\'s own files in its Link header, beside SvelteKit\'s, each of them a built file', async () => {
		const answer = await fetch(new URL('/procedures/1.001193/apply', server.origin));
		const links = (answer.headers.get('link') ?? '').split(', ');
		const files = (rel: string) => links.filter((l) => l.includes(rel)).map((l) => /^<([^>]+)>/.exec(l)![1]);
		const scripts = files('rel="modulepreload"');
		const styles = files('rel="preload"; as="style"');
		// SvelteKit's own (the apply page's start, app, nodes) and ours (the draft page's node).
		expect(scripts.filter((f) => /\/nodes\/\d+\./.test(f)).length).toBeGreaterThanOrEqual(3);
		expect(styles.length).toBeGreaterThanOrEqual(1);
		for (const file of [...scripts, ...styles]) expect((await fetch(new URL(file, server.origin))).status, file).toBe(200);
		// Other pages get SvelteKit's header alone.
		expect((await fetch(new URL('/procedures/1.001193', server.origin))).headers.get('link') ?? '').not.toContain('as="style"');
	});

	it('names nothing on other pages, or for a path that is not a procedure code (it goes into the page)', async () => {
		expect((await get('/procedures/1.001193')).body.toString('utf8')).not.toContain('rel="preload" href="/api/procedures/');
		for (const path of ['/procedures/1.001193%22%3E%3Cscript%3E/apply', '/procedures/abc/apply']) {
			expect((await get(path)).body.toString('utf8')).not.toContain('rel="preload" href="/api/procedures/');
			// Nor the draft page's files (the same test of a link to a form, src/lib/apply-link.js).
			expect((await fetch(new URL(path, server.origin))).headers.get('link') ?? '').not.toContain('as="style"');
		}
	});
});
