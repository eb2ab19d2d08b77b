/**
 * Issue 12, defect 12 (housekeeping): deleting stored files no dossier uses must never take a
 * file from a dossier being saved at that moment. A save checks its files inside its write
 * transaction and commits the attachment list later; housekeeping's DELETE, on another
 * connection, runs in between. On PostgreSQL (READ COMMITTED) a plain SELECT in the save
 * let the DELETE remove the row (and then the file) of a dossier about to commit; the save
 * now claims its rows (blobs/repository.ts, claimBlobs). On SQLite the save holds the one
 * write lock and housekeeping cannot write until it commits. Real databases, real files.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncAgencies } from '$lib/server/agencies';
import { recordBlob } from '$lib/server/blobs/repository';
import { blobPath, moveIntoStore } from '$lib/server/blobs/store';
import type { Database } from '$lib/server/db/types';
import { checkBlobs } from '$lib/server/dossiers/submit';
import { inWriteTransaction } from '$lib/server/dossiers/transaction';
import { runHousekeeping } from '$lib/server/housekeeping';
import type { DossierManifest } from '$lib/domain/wire/dossiers';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits, manifest, POLICE_SOC_SON } from '../dossiers/fixtures';

const HOUR = 3600_000;
const NOW = new Date('2026-06-10T03:00:00.000Z');
const MONTH_AGO = new Date(NOW.getTime() - 30 * 24 * HOUR);

/** A verified JPEG-typed file of `accountId`, a month old (row and file): housekeeping's to delete while nothing uses it. */
async function oldUnusedFile(db: Kysely<Database>, dataDir: string, accountId: string) {
	const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(1000)]);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const temp = join(dataDir, `incoming-${randomUUID()}`);
	writeFileSync(temp, bytes);
	await moveIntoStore(dataDir, temp, sha256);
	utimesSync(blobPath(dataDir, sha256), MONTH_AGO, MONTH_AGO);
	await recordBlob(db, { accountId, sha256, size: bytes.length, type: 'image/jpeg', at: MONTH_AGO });
	return { sha256, size: bytes.length };
}

/** The rest of a save after its files were checked: the dossier and its attachment list. */
async function insertDossier(trx: Kysely<Database>, accountId: string, sha256: string) {
	const id = randomUUID();
	const at = NOW.toISOString();
	await trx
		.insertInto('dossiers')
		.values({ id, account_id: accountId, procedure_code: '1.004194', agency_code: POLICE_SOC_SON, code: `X-${id.slice(0, 8)}`, status: 1, manifest: '{}', digest: id, received_at: at, appointment_date: '2026-06-15', receipt: '{}' })
		.execute();
	await trx.insertInto('dossier_attachments').values({ dossier_id: id, slot: 'residenceProofFile', sha256 }).execute();
}

/** Resolves once some session of this PostgreSQL database waits for a row lock. */
async function someoneWaitsForALock(db: Kysely<Database>) {
	for (;;) {
		const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
		if (Number(rows[0].n) > 0) return;
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe('housekeeping while a dossier is being saved', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'dvc-hk-race-'));
	});
	afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

	forEachDatabase((t) => {
		it('keeps the row and the file of a dossier whose save checked its files before housekeeping ran and commits after', async () => {
			const database = t();
			const { db } = database;
			await syncAgencies(db);
			const citizen = await createAccount(db, 'A');
			const file = await oldUnusedFile(db, dataDir, citizen);
			const sent = manifest({}, [file]) as unknown as DossierManifest;

			let checked!: () => void;
			const filesChecked = new Promise<void>((r) => (checked = r));
			let release!: () => void;
			const rest = new Promise<void>((r) => (release = r));
			const save = inWriteTransaction(db, async (trx) => {
				await checkBlobs(trx, limits.maxDossierBytes, citizen, sent, NOW);
				checked();
				await rest;
				await insertDossier(trx, citizen, file.sha256);
			});
			await filesChecked;

			// Housekeeping from another connection (another instance, `npm run housekeeping`).
			const housekeeping = runHousekeeping({ db: database.openAnother().db, dataDir, now: () => NOW }).then(
				(report) => ({ report }),
				(error: unknown) => ({ error })
			);
			if (database.dialect === 'postgres') {
				// It either finishes (the save did not hold the row) or waits for the save's commit.
				await Promise.race([housekeeping, someoneWaitsForALock(db)]);
			} else {
				// SQLite: the save holds the write lock; housekeeping's first write waits it out (busy_timeout), then gives up.
				const outcome = await housekeeping;
				expect('error' in outcome && String((outcome.error as { code?: string }).code)).toBe('SQLITE_BUSY');
			}
			release();
			await save;
			const outcome = await housekeeping;
			if (database.dialect === 'postgres') expect(outcome).toMatchObject({ report: { blobs: 0, blobFiles: 0 } });

			const row = await db.selectFrom('blobs').select('created_at').where('account_id', '=', citizen).where('sha256', '=', file.sha256).executeTakeFirst();
			expect(row, 'the blobs row of the saved dossier').toBeDefined();
			expect(existsSync(blobPath(dataDir, file.sha256)), 'the stored file of the saved dossier').toBe(true);

			// A later run keeps it too: the dossier uses it now.
			expect(await runHousekeeping({ db, dataDir, now: () => new Date(NOW.getTime() + 60 * 24 * HOUR) })).toMatchObject({ blobs: 0, blobFiles: 0 });
			expect(existsSync(blobPath(dataDir, file.sha256))).toBe(true);
		}, 60_000);

		it('refuses a save whose file housekeeping deleted first (missing_blobs: the outbox uploads it again)', async () => {
			const { db } = t();
			await syncAgencies(db);
			const citizen = await createAccount(db, 'A');
			const file = await oldUnusedFile(db, dataDir, citizen);
			expect(await runHousekeeping({ db, dataDir, now: () => NOW })).toMatchObject({ blobs: 1, blobFiles: 1 });
			const sent = manifest({}, [file]) as unknown as DossierManifest;
			await expect(inWriteTransaction(db, (trx) => checkBlobs(trx, limits.maxDossierBytes, citizen, sent, NOW))).rejects.toMatchObject({ code: 'missing_blobs' });
		});
	});
});
