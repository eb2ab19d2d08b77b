/**
 * Issue 12, defect 12: development pages (mailbox, demo accounts, upload statistics, payment
 * sandbox) answer only to this machine. Over real HTTP against the production build: a client
 * on loopback reads them; the same server asked through the machine's network address, or
 * through a proxy (ADDRESS_HEADER/XFF_DEPTH) for a remote client, answers 404, and a client
 * cannot fake loopback by writing its own X-Forwarded-For.
 */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '../access/built-server';

const DEV_PATHS = ['/dev/mailbox', '/dev/accounts', '/api/dev/upload-stats', '/api/dev/accounts'];

/** An address of this machine that is not loopback (a container's eth0, a runner's NIC), if any. */
const outside = Object.values(networkInterfaces())
	.flat()
	.find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });

describe('development pages over HTTP', () => {
	describe('straight to the server', () => {
		let server: BuiltServer;
		beforeAll(async () => {
			server = await startBuiltServer({ HOST: '0.0.0.0' });
		}, 60_000);
		afterAll(async () => server?.stop());

		it('answer a loopback client, whatever X-Forwarded-For it writes', async () => {
			for (const path of DEV_PATHS) expect((await get(server.origin + path, { 'x-forwarded-for': '203.0.113.9' })).status, path).toBe(200);
		});

		it.skipIf(!outside)('are not found from the network (the machine\'s own non-loopback address)', async () => {
			const remote = server.origin.replace('localhost', outside!);
			for (const path of DEV_PATHS) {
				const answer = await get(remote + path, { 'x-forwarded-for': '127.0.0.1' });
				expect(answer.status, path).toBe(404);
				if (path.startsWith('/api/')) expect((await answer.json()).error.code).toBe('not_found');
				else expect(await answer.text()).not.toMatch(/Mã xác nhận|mật khẩu/i);
			}
			// The rest of the site answers there as usual.
			expect((await get(`${remote}/api/health`)).status).toBe(200);
		});
	});

	describe('behind a proxy (ADDRESS_HEADER=X-Forwarded-For, XFF_DEPTH=1)', () => {
		let server: BuiltServer;
		beforeAll(async () => {
			server = await startBuiltServer({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' });
		}, 60_000);
		afterAll(async () => server?.stop());

		it('answer only when the proxy saw a loopback client; a forged first entry does not count', async () => {
			expect((await get(`${server.origin}/dev/mailbox`, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(200);
			expect((await get(`${server.origin}/dev/mailbox`, { 'x-forwarded-for': '198.51.100.4' })).status).toBe(404);
			// The client wrote "127.0.0.1"; the proxy appended the address it really saw.
			expect((await get(`${server.origin}/api/dev/upload-stats`, { 'x-forwarded-for': '127.0.0.1, 198.51.100.4' })).status).toBe(404);
		});
	});
});
