/**
 * Issue 12, defect 12: uploads and stored files no dossier ever used must not fill the disk.
 * Real files in a temporary data folder, on SQLite and PostgreSQL: housekeeping deletes old
 * orphans and never a file a dossier, a verified paper or a result uses; a per-account quota
 * refuses a new upload (tus answer, the API's envelope) while too much is left unused.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncAgencies } from '$lib/server/agencies';
import { recordBlob } from '$lib/server/blobs/repository';
import { blobPath, moveIntoStore, uploadsDir } from '$lib/server/blobs/store';
import { createUploadHandler } from '$lib/server/blobs/uploads';
import type { Database } from '$lib/server/db/types';
import { runHousekeeping } from '$lib/server/housekeeping';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits, POLICE_SOC_SON } from '../dossiers/fixtures';

const HOUR = 3600_000;
const NOW = new Date('2026-06-10T03:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR);

const pdf = (size = 5_000) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);
const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A verified file in the blob store, owned by `accountId` since `at` (row and file both that old). */
async function storeFile(db: Kysely<Database>, dataDir: string, accountId: string, at: Date, bytes = pdf()): Promise<string> {
	const sha256 = hash(bytes);
	const temp = join(dataDir, `incoming-${randomUUID()}`);
	writeFileSync(temp, bytes);
	await moveIntoStore(dataDir, temp, sha256);
	utimesSync(blobPath(dataDir, sha256), at, at);
	await recordBlob(db, { accountId, sha256, size: bytes.length, type: 'application/pdf', at });
	return sha256;
}

async function dossier(db: Kysely<Database>, accountId: string, attachments: string[] = []): Promise<string> {
	const id = randomUUID();
	const at = hoursAgo(1000).toISOString();
	await db
		.insertInto('dossiers')
		.values({ id, account_id: accountId, procedure_code: '1.004194', agency_code: POLICE_SOC_SON, code: `X-${id.slice(0, 8)}`, status: 2, manifest: '{}', digest: id, received_at: at, appointment_date: '2026-03-05', receipt: '{}' })
		.execute();
	for (const sha256 of attachments) await db.insertInto('dossier_attachments').values({ dossier_id: id, slot: 'residenceProofFile', sha256 }).execute();
	return id;
}

const tusMetadata = (meta: Record<string, string>) => Object.entries(meta).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');

function createRequest(bytes: Buffer) {
	return new Request('http://dvc.test/api/uploads', {
		method: 'POST',
		headers: {
			'Tus-Resumable': '1.0.0',
			'Upload-Length': String(bytes.length),
			'Upload-Metadata': tusMetadata({ sha256: hash(bytes), filename: 'giay-to.pdf', filetype: 'application/pdf' })
		}
	});
}

describe('orphan uploads and stored files', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'dvc-orphans-'));
	});
	afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

	forEachDatabase((t) => {
		it('housekeeping deletes old unused files and unfinished uploads, never one a dossier, a paper or a result uses', async () => {
			const { db } = t();
			await syncAgencies(db);
			const citizen = await createAccount(db, 'A');
			const other = await createAccount(db, 'B');
			const officer = await createAccount(db, 'C', { agencyCode: POLICE_SOC_SON, fullName: 'Cán bộ C' });
			const old = hoursAgo(24 * 30);

			const attached = await storeFile(db, dataDir, citizen, old);
			const anchor = await dossier(db, citizen, [attached]);
			const paper = await storeFile(db, dataDir, citizen, old);
			await db
				.insertInto('papers')
				.values({ id: randomUUID(), account_id: citizen, origin: 'verified', dossier_id: anchor, slot: 'residenceProofFile', sha256: paper, name: 'so-ho-khau.pdf', size: 5009, type: 'application/pdf', type_id: 'giay-to-khac', metadata: '{}', event_id: randomUUID(), created_at: old.toISOString() })
				.execute();
			const result = await storeFile(db, dataDir, officer, old);
			await db.insertInto('dossier_results').values({ dossier_id: anchor, sha256: result, name: 'ket-qua.pdf', size: 5009, type: 'application/pdf', event_id: randomUUID(), created_at: old.toISOString() }).execute();

			const orphan = await storeFile(db, dataDir, citizen, old);
			const youngOrphan = await storeFile(db, dataDir, citizen, hoursAgo(2));
			// The same bytes as a used file, uploaded by someone else and never used by them: their row goes, the file stays.
			const sameBytes = readFileSync(blobPath(dataDir, attached));
			await recordBlob(db, { accountId: other, sha256: hash(sameBytes), size: sameBytes.length, type: 'application/pdf', at: old });
			// A file a crash left in the store with no row at all.
			const leftover = pdf();
			const stray = blobPath(dataDir, hash(leftover));
			writeFileSync(join(dataDir, 'stray'), leftover);
			await moveIntoStore(dataDir, join(dataDir, 'stray'), hash(leftover));
			utimesSync(stray, old, old);

			// Unfinished tus uploads: one begun 80 hours ago, one 10 hours ago.
			const handler = createUploadHandler({ db, config: { dataDir, upload: limits } });
			const begin = async (at: Date) => {
				const created = await handler.handle(createRequest(pdf()), citizen);
				expect(created.status).toBe(201);
				const id = created.headers.get('Location')!.split('/').pop()!;
				await db.updateTable('uploads').set({ created_at: at.toISOString() }).where('id', '=', id).execute();
				return id;
			};
			const abandoned = await begin(hoursAgo(80));
			const recent = await begin(hoursAgo(10));

			const report = await runHousekeeping({ db, dataDir, now: () => NOW, incompleteUploadHours: 72, unreferencedBlobHours: 336 });
			expect(report).toMatchObject({ uploads: 1, blobs: 2, blobFiles: 2 });

			for (const used of [attached, paper, result, youngOrphan]) expect(existsSync(blobPath(dataDir, used)), used).toBe(true);
			expect(existsSync(blobPath(dataDir, orphan))).toBe(false);
			expect(existsSync(stray)).toBe(false);
			const rows = await db.selectFrom('blobs').select(['account_id', 'sha256']).execute();
			const held = (account: string) => rows.filter((r) => r.account_id === account).map((r) => r.sha256).sort();
			expect(held(citizen)).toEqual([attached, paper, youngOrphan].sort());
			expect(held(officer)).toEqual([result]);
			expect(held(other)).toEqual([]);

			const uploads = readdirSync(uploadsDir(dataDir));
			expect(uploads.some((f) => f.startsWith(abandoned))).toBe(false);
			expect(uploads).toContain(recent);
			expect((await db.selectFrom('uploads').select('id').execute()).map((r) => r.id)).toEqual([recent]);

			// Nothing more the next hour; the young orphan goes once it is old enough.
			expect(await runHousekeeping({ db, dataDir, now: () => NOW })).toMatchObject({ uploads: 0, blobs: 0, blobFiles: 0 });
			const later = new Date(NOW.getTime() + 337 * HOUR);
			expect(await runHousekeeping({ db, dataDir, now: () => later })).toMatchObject({ blobs: 1, blobFiles: 1 });
			expect(existsSync(blobPath(dataDir, youngOrphan))).toBe(false);
			for (const used of [attached, paper, result]) expect(existsSync(blobPath(dataDir, used))).toBe(true);
		});

		it('a new upload over the account quota is refused in the envelope with the tus headers; a used file frees the quota', async () => {
			const { db } = t();
			const citizen = await createAccount(db, 'A');
			const other = await createAccount(db, 'B');
			const handler = createUploadHandler({ db, config: { dataDir, upload: { ...limits, quotaBytes: 12_000 } } });

			const first = pdf(5_000);
			expect((await handler.handle(createRequest(first), citizen)).status).toBe(201);
			// The same file again costs nothing more.
			expect((await handler.handle(createRequest(first), citizen)).status).toBe(201);
			const unused = await storeFile(db, dataDir, citizen, NOW, pdf(4_000));

			const refused = await handler.handle(createRequest(pdf(5_000)), citizen);
			expect(refused.status).toBe(429);
			expect(refused.headers.get('Tus-Resumable')).toBe('1.0.0');
			const body = await refused.json();
			expect(body.error.code).toBe('upload_quota_exceeded');
			expect(body.error.message).toMatch(/chưa thuộc hồ sơ nào/);
			expect(body.error.details).toMatchObject({ quotaBytes: 12_000 });

			// Another account has its own quota.
			expect((await handler.handle(createRequest(pdf(5_000)), other)).status).toBe(201);
			// Once a dossier uses the stored file, its bytes no longer count.
			await dossier(db, citizen, [unused]);
			expect((await handler.handle(createRequest(pdf(5_000)), citizen)).status).toBe(201);
		});
	});
});
