/**
 * Starts the production build (`node build`, as `npm start` does) on a free port with a
 * throwaway DATA_DIR and ORIGIN set, so requests go through everything a deployment has:
 * hooks, sessions, SvelteKit's origin check. `npm test` builds before the integration
 * stage; run `npx vite build` first when running this file alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuiltServer {
	origin: string;
	dataDir: string;
	stop(): Promise<void>;
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const s = createServer();
		s.once('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => done(port));
		});
	});
}

/** `via: 'start'` runs `scripts/start.js` (what `npm start` runs) instead of adapter-node's own server. */
export async function startBuiltServer(env: Record<string, string> = {}, via: 'node-build' | 'start' = 'node-build'): Promise<BuiltServer> {
	const root = resolve(import.meta.dirname, '../../..');
	// BUILD_DIR as in svelte.config.js, so a private build dir can be tested too.
	const entry = join(root, process.env.BUILD_DIR ?? 'build', 'index.js');
	if (!existsSync(entry)) throw new Error(`No build at ${entry}: run \`npx vite build\` (or \`npm test\`, which builds first).`);
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'dvc-access-'));
	const origin = `http://localhost:${port}`;
	const child: ChildProcess = spawn(process.execPath, [via === 'start' ? join(root, 'scripts/start.js') : entry], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, APP_ENV: 'development', DATABASE_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
		const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
		// The demo accounts are seeded in the server's init hook, before the first answer.
		if (ok) break;
		if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		origin,
		dataDir,
		async stop() {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** A browser's cookie jar for one origin (name → value; paths ignored). */
export class Browser {
	private jar = new Map<string, string>();
	constructor(readonly origin: string) {}

	get cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.jar.size) headers.set('cookie', this.cookieHeader);
		if (!headers.has('accept')) headers.set('accept', 'text/html');
		const response = await fetch(this.origin + path, { ...init, headers, redirect: 'manual' });
		for (const cookie of response.headers.getSetCookie()) {
			const [pair, ...attrs] = cookie.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (!value || attrs.some((a) => /max-age=0\b/i.test(a.trim()))) this.jar.delete(name);
			else this.jar.set(name, value);
		}
		return response;
	}

	/** A same-origin form POST, as the page's own form sends it. */
	postForm(path: string, fields: Record<string, string>, origin = this.origin) {
		return this.request(path, {
			method: 'POST',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString()
		});
	}

	has(name: string) {
		return this.jar.has(name);
	}
}
