/**
 * Issue 10's start-up fault and issue 12's defect 11 (hook errors in the API envelope), over
 * real HTTP against the production build: `npm start` prints one address; in development a
 * form posted from either loopback name is accepted; a cross-site form gets a Vietnamese
 * page; SvelteKit's own API errors come in the `{ error: { code, message } }` envelope.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '$lib/server/accounts';
import { Browser, startBuiltServer, type BuiltServer } from '../access/built-server';

let server: BuiltServer;
const demo = DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!;

beforeAll(async () => {
	server = await startBuiltServer();
}, 60_000);
afterAll(async () => server?.stop());

describe('the CSRF origin check', () => {
	it('accepts a sign-in form posted from http://127.0.0.1:<port> as well as from localhost (development)', async () => {
		const port = new URL(server.origin).port;
		for (const origin of [server.origin, `http://127.0.0.1:${port}`]) {
			const browser = new Browser(server.origin);
			const answer = await browser.postForm('/signin', { identifier: demo.idNumber, password: demo.password }, origin);
			expect(answer.status, origin).toBe(303);
			expect(browser.has('session')).toBe(true);
		}
	});

	it('refuses a form from another site with a Vietnamese page (and the envelope for JSON)', async () => {
		const browser = new Browser(server.origin);
		for (const origin of ['https://evil.example', `http://127.0.0.1:1`]) {
			const page = await browser.postForm('/signin', { identifier: demo.idNumber, password: demo.password }, origin);
			expect(page.status).toBe(403);
			expect(page.headers.get('content-type')).toContain('text/html');
			const text = await page.text();
			expect(text).toContain('Biểu mẫu bị từ chối');
			expect(text).not.toContain('Cross-site');
		}
		expect(browser.has('session')).toBe(false);
		const api = await browser.request('/signin', {
			method: 'POST',
			headers: { origin: 'https://evil.example', accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'identifier=x&password=y'
		});
		expect(api.status).toBe(403);
		expect((await api.json()).error.code).toBe('csrf');
	});
});

describe('errors SvelteKit answers by itself under /api/', () => {
	it('come in the API envelope', async () => {
		const browser = new Browser(server.origin);
		const missing = await browser.request('/api/no-such-endpoint', { headers: { accept: 'application/json' } });
		expect(missing.status).toBe(404);
		const body = await missing.json();
		expect(body.error).toMatchObject({ code: 'not_found' });
		expect(typeof body.error.message).toBe('string');
		const method = await browser.request('/api/health', { method: 'DELETE', headers: { accept: 'application/json', origin: server.origin } });
		expect(method.status).toBe(405);
		expect((await method.json()).error?.code).toBeTruthy();
	});
});

describe('a body over the request limit (defect 11)', () => {
	const big = 'x'.repeat(3 * 1024 * 1024);
	it('is answered 413 "quá lớn … không tự gửi lại" on the API, not "invalid JSON, will resend"', async () => {
		const browser = new Browser(server.origin);
		const answer = await browser.request('/api/dossiers/0190a000-0000-7000-8000-000000000000', {
			method: 'PUT',
			headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.origin },
			body: JSON.stringify({ note: big })
		});
		expect(answer.status).toBe(413);
		const body = await answer.json();
		expect(body.error.code).toBe('payload_too_large');
		expect(body.error.message).toMatch(/quá lớn/);
		expect(body.error.message).not.toMatch(/JSON|sẽ gửi lại|sẽ tự gửi lại/);
	});

	it('gets a Vietnamese page for a registration form, and an action result for an enhanced form', async () => {
		const browser = new Browser(server.origin);
		const page = await browser.postForm('/register', { fullName: big });
		expect(page.status).toBe(413);
		const text = await page.text();
		expect(text).toContain('Nội dung quá lớn');
		expect(text).not.toMatch(/lỗi ở máy chủ/);
		const enhanced = await browser.request('/register', {
			method: 'POST',
			headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: new URLSearchParams({ fullName: big }).toString()
		});
		expect(enhanced.status).toBe(413);
		expect(await enhanced.json()).toMatchObject({ type: 'error', error: { code: 'payload_too_large' } });
	});
});

describe('npm start', () => {
	it('prints exactly one address to open', async () => {
		const port = await new Promise<number>((done) => {
			const s = createServer().listen(0, '127.0.0.1', () => {
				const p = (s.address() as { port: number }).port;
				s.close(() => done(p));
			});
		});
		const dataDir = mkdtempSync(join(tmpdir(), 'dvc-start-'));
		const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_ENV: 'development', DATABASE_URL: '' };
		delete env.ORIGIN;
		const child = spawn(process.execPath, ['scripts/start.js'], {
			cwd: resolve(import.meta.dirname, '../../..'),
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout!.on('data', (d) => (output += d));
		child.stderr!.on('data', (d) => (output += d));
		try {
			const deadline = Date.now() + 30_000;
			while (!(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false))) {
				if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not started: ${output}`);
				await new Promise((r) => setTimeout(r, 200));
			}
			await new Promise((r) => setTimeout(r, 300));
			const addresses = output.match(/https?:\/\/[^\s]+/g) ?? [];
			expect(addresses).toEqual([`http://localhost:${port}`]);
			expect(output).not.toMatch(/Listening on/);
		} finally {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
