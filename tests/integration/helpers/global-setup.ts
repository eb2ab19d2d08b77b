/**
 * Vitest globalSetup for the integration project: makes a PostgreSQL server available to
 * every test file through `inject('pgUrl')`.
 * - TEST_DATABASE_URL_PG set → used as is (CI service container, a developer's server).
 * - otherwise, if the PostgreSQL 15 binaries exist → a throwaway cluster on a free port
 *   (scripts/pg-cluster.sh), stopped and deleted in teardown.
 * - otherwise → pgUrl is null; databases.ts then fails every PostgreSQL test when CI is
 *   set, and leaves them out with a warning on a developer machine.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		pgUrl: string | null;
		pgUnavailableReason: string | null;
	}
}

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const script = resolve(import.meta.dirname, '../../../scripts/pg-cluster.sh');
let clusterDir: string | undefined;

export async function setup(project: TestProject) {
	const given = process.env.TEST_DATABASE_URL_PG;
	if (given) {
		project.provide('pgUrl', given);
		project.provide('pgUnavailableReason', null);
		return;
	}
	if (!existsSync(join(PG_BIN, 'initdb'))) {
		project.provide('pgUrl', null);
		project.provide('pgUnavailableReason', `no TEST_DATABASE_URL_PG and no PostgreSQL binaries in ${PG_BIN}`);
		return;
	}
	clusterDir = mkdtempSync(join(tmpdir(), 'dvc-pg-'));
	const port = await freePort();
	const { stdout } = await run('bash', [script, 'start', clusterDir, String(port)]);
	project.provide('pgUrl', stdout.trim());
	project.provide('pgUnavailableReason', null);
}

export async function teardown() {
	if (!clusterDir) return;
	try {
		await run('bash', [script, 'stop', clusterDir]);
	} finally {
		rmSync(clusterDir, { recursive: true, force: true });
		clusterDir = undefined;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))
			);
		});
	});
}
