/**
 * Issue 12, defect 12: `npm run create-admin` as an operator runs it. `scripts/create-admin.js`
 * runs as a child process on an empty database (a temporary SQLite file, a new PostgreSQL
 * database), prints a temporary password once; the built server started on that same database
 * then signs that administrator in over HTTP, and stops when asked (SIGTERM). On PostgreSQL
 * this used to hang: `node build` never exited after SIGTERM, the pool kept open by the outbox
 * timer (fixed in server/context.ts, on adapter-node's `sveltekit:shutdown`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Browser, startBuiltServer } from '../access/built-server';
import { availableDialects, createTestDatabase } from '../helpers/databases';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

function createAdmin(env: Record<string, string>, args: string[]) {
	return run(process.execPath, [join(root, 'scripts/create-admin.js'), ...args], {
		cwd: root,
		env: { ...process.env, APP_ENV: 'development', DATABASE_URL: '', ...env },
		timeout: 120_000
	}).then(
		(done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
		(failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' })
	);
}

const admin = ['--name', 'Nguyễn Văn Quản', '--id-number', '001090000071', '--phone', '0912000071'];

describe('npm run create-admin', () => {
	it.each(availableDialects())('creates the first administrator on %s, who then signs in over HTTP', async (dialect) => {
		const dataDir = mkdtempSync(join(tmpdir(), 'dvc-create-admin-'));
		// PostgreSQL: an empty database of the test cluster (created migrated; the command migrates again, a no-op).
		const postgres = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
		const databaseUrl = postgres?.target.dialect === 'postgres' ? postgres.target.connectionString : '';
		const env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
		try {
			const created = await createAdmin(env, admin);
			expect(created.code, created.stderr).toBe(0);
			const password = /Mật khẩu tạm thời, chỉ hiện một lần: (\S+)/.exec(created.stdout)?.[1];
			expect(password, created.stdout).toBeTruthy();

			// A second run is refused: there is an active administrator now.
			const again = await createAdmin(env, ['--name', 'Trần Thị Hai', '--id-number', '001090000072', '--phone', '0912000072']);
			expect(again.code).toBe(1);

			const server = await startBuiltServer(env);
			try {
				const browser = new Browser(server.origin);
				const wrong = await browser.postForm('/signin', { identifier: '0912000071', password: `${password}x` });
				expect(wrong.status).not.toBe(303);
				const signedIn = await browser.postForm('/signin', { identifier: '0912000071', password: password! });
				expect(signedIn.status).toBe(303);
				const session = await (await browser.request('/api/session', { headers: { accept: 'application/json' } })).json();
				expect(session.account).toMatchObject({ role: 'admin', fullName: 'Nguyễn Văn Quản' });
			} finally {
				await server.stop();
			}
		} finally {
			await postgres?.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}, 240_000);
});
