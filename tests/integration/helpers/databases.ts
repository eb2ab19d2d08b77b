/**
 * Runs database tests against BOTH SQLite and PostgreSQL. Every test gets a fresh,
 * migrated database: a temp SQLite file, or a new PostgreSQL database created on the
 * server from global-setup.ts and dropped afterwards.
 *
 *   forEachDatabase((t) => { it('…', async () => { const { db } = t(); … }); });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject, it } from 'vitest';
import type { DatabaseTarget } from '$lib/server/config';
import { migrateToLatest, openDatabase, type DialectName, type OpenDatabase } from '$lib/server/db';

export interface TestDatabase extends OpenDatabase {
	target: DatabaseTarget;
	/** A second, independent connection to the same database (own pool/handle). */
	openAnother(): OpenDatabase;
}

function pgAdminUrl(): string | null {
	return process.env.TEST_DATABASE_URL_PG ?? inject('pgUrl') ?? null;
}

export function availableDialects(): DialectName[] {
	if (pgAdminUrl()) return ['sqlite', 'postgres'];
	const reason = inject('pgUnavailableReason') ?? 'global-setup.ts is not in the integration project globalSetup (vite.config.ts)';
	if (process.env.CI) {
		// In CI a missing PostgreSQL is a failure, never a silent skip.
		describe('postgres', () => {
			it('is available', () => {
				throw new Error(`PostgreSQL is required in CI: ${reason}`);
			});
		});
	} else {
		console.warn(`[integration] PostgreSQL tests left out: ${reason}`);
	}
	return ['sqlite'];
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
	let target: DatabaseTarget;
	let cleanup: () => Promise<void>;
	if (dialect === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'dvc-sqlite-'));
		target = { dialect: 'sqlite', filename: join(dir, 'test.sqlite') };
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	} else {
		const adminUrl = pgAdminUrl();
		if (!adminUrl) throw new Error('PostgreSQL is not available');
		const name = `t_${randomBytes(8).toString('hex')}`;
		await adminQuery(adminUrl, `create database ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		target = { dialect: 'postgres', connectionString: url.toString() };
		cleanup = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
	}
	const opened = openDatabase({ database: target });
	await migrateToLatest(opened.db);
	const others: OpenDatabase[] = [];
	return {
		...opened,
		target,
		openAnother() {
			const other = openDatabase({ database: target });
			others.push(other);
			return other;
		},
		async close() {
			for (const other of others) await other.close();
			await opened.close();
			await cleanup();
		}
	};
}

async function adminQuery(url: string, text: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/** Declares the suite once per available dialect, with a fresh database per test. */
export function forEachDatabase(body: (current: () => TestDatabase) => void) {
	for (const dialect of availableDialects()) {
		describe(dialect, () => {
			let database: TestDatabase | undefined;
			beforeEach(async () => {
				database = await createTestDatabase(dialect);
			});
			afterEach(async () => {
				await database?.close();
				database = undefined;
			});
			body(() => {
				if (!database) throw new Error('test database not ready');
				return database;
			});
		});
	}
}
