/**
 * Issue 12, defect 2: an upload piece over 2 MB never got an answer. An unmodified
 * tus-js-client in Node, with its defaults (the whole file in one PATCH), uploads a 3 MB
 * file through `npm start`'s server; against adapter-node's own server (512 KB body limit)
 * the same piece gets a prompt 413 with the tus headers instead of hanging.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as tus from 'tus-js-client';
import { DEMO_ACCOUNTS } from '$lib/server/accounts';
import { Browser, startBuiltServer, type BuiltServer } from '../access/built-server';

const demo = DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!;
const servers: BuiltServer[] = [];
afterAll(async () => {
	for (const s of servers) await s.stop();
});

/** PNG magic bytes and a header, then random bytes: a file the server's sniff takes for a PNG. */
export function pngLike(size: number): Buffer {
	const head = Buffer.from('89504e470d0a1a0a0000000d49484452000003200000025808020000000000000000', 'hex');
	return Buffer.concat([head, randomBytes(size - head.length)]);
}

async function cookieOf(server: BuiltServer): Promise<string> {
	const browser = new Browser(server.origin);
	expect((await browser.postForm('/signin', { identifier: demo.idNumber, password: demo.password })).status).toBe(303);
	return browser.cookieHeader;
}

function upload(server: BuiltServer, cookie: string, file: Buffer): Promise<{ ok: true; url: string } | { ok: false; status?: number; body?: string; ms: number }> {
	const started = Date.now();
	return new Promise((done) => {
		const sha256 = createHash('sha256').update(file).digest('hex');
		const client = new tus.Upload(file, {
			endpoint: `${server.origin}/api/uploads`,
			headers: { cookie },
			metadata: { sha256, filename: 'anh-giay-to.png', filetype: 'image/png' },
			retryDelays: null,
			onSuccess: () => done({ ok: true, url: client.url! }),
			onError: (error) => {
				const e = error as tus.DetailedError;
				done({ ok: false, status: e.originalResponse?.getStatus(), body: e.originalResponse?.getBody(), ms: Date.now() - started });
			}
		});
		client.start();
	});
}

describe('an unmodified tus-js-client with its defaults', () => {
	it('uploads a 3 MB file in one piece through npm start', async () => {
		const server = await startBuiltServer({}, 'start');
		servers.push(server);
		const result = await upload(server, await cookieOf(server), pngLike(3 * 1024 * 1024));
		expect(result).toMatchObject({ ok: true });
	}, 60_000);

	it('gets a prompt 413 in the API envelope when a piece is over the server body limit', async () => {
		const server = await startBuiltServer({ BODY_SIZE_LIMIT: '512K' });
		servers.push(server);
		const result = await upload(server, await cookieOf(server), pngLike(3 * 1024 * 1024));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.status).toBe(413);
		expect(JSON.parse(result.body!).error.code).toBe('payload_too_large');
		expect(result.ms).toBeLessThan(15_000);
	}, 60_000);

	it('is refused at creation with 413 for a file over the per-file limit (tus maxSize)', async () => {
		const server = await startBuiltServer({ UPLOAD_MAX_FILE_BYTES: String(1024 * 1024) }, 'start');
		servers.push(server);
		const result = await upload(server, await cookieOf(server), pngLike(1024 * 1024 + 1));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.status).toBe(413);
		expect(JSON.parse(result.body!).error.code).toBe('file_too_large');
	}, 60_000);
});
