import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadsDir } from '$lib/server/blobs/store';
import { createUploadHandler } from '$lib/server/blobs/uploads';
import { runHousekeeping } from '$lib/server/housekeeping';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits } from '../dossiers/fixtures';

const NOW = new Date('2026-06-10T03:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Starts a real tus upload and sends its first half, then leaves it. */
async function startUpload(dataDir: string, db: Parameters<typeof createUploadHandler>[0]['db'], accountId: string): Promise<string> {
	const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]);
	const handler = createUploadHandler({ db, config: { dataDir, upload: limits } });
	const meta = { sha256: createHash('sha256').update(file).digest('hex'), filename: 'so-ho-khau.pdf', filetype: 'application/pdf' };
	const created = await handler.handle(
		new Request('http://dvc.test/api/uploads', {
			method: 'POST',
			headers: {
				'Tus-Resumable': '1.0.0',
				'Upload-Length': String(file.length),
				'Upload-Metadata': Object.entries(meta).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',')
			}
		}),
		accountId
	);
	const location = created.headers.get('Location')!;
	const patched = await handler.handle(
		new Request(new URL(location, 'http://dvc.test'), {
			method: 'PATCH',
			headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
			body: file.subarray(0, 10_000)
		}),
		accountId
	);
	expect(patched.status).toBe(204);
	return location.split('/').pop()!;
}

describe('housekeeping', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'dvc-housekeeping-'));
	});
	afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

	forEachDatabase((t) => {
		it('removes what has expired or been abandoned, and nothing that is still in use', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const session = (id: string, expires: string) => ({ id, account_id: me, created_at: ago(40 * DAY), expires_at: expires, last_seen_at: ago(DAY), user_agent: null });
			await db.insertInto('sessions').values([session('old', ago(HOUR)), session('live', later(DAY))]).execute();
			const code = (id: string, expires: string) => ({ id, account_id: me, purpose: 'activate' as const, code_hash: 'x', channel: 'sms' as const, expires_at: expires, attempts: 0, used_at: null, created_at: ago(3 * DAY) });
			await db.insertInto('one_time_codes').values([code('c-old', ago(2 * DAY)), code('c-recent', ago(HOUR))]).execute();
			await db.insertInto('rate_limits').values([
				{ key: 'sign-in:old', window_start: ago(2 * DAY), count: 3 },
				{ key: 'sign-in:now', window_start: ago(10 * 60_000), count: 1 }
			]).execute();
			const message = (id: string, at: string) => ({ id, channel: 'sms' as const, recipient: '0912000001', subject: null, body: 'Mã xác nhận 123456', created_at: at });
			await db.insertInto('outbound_messages').values([message('m-old', ago(8 * DAY)), message('m-new', ago(DAY))]).execute();

			const abandoned = await startUpload(dataDir, db, me);
			const recent = await startUpload(dataDir, db, me);
			await db.updateTable('uploads').set({ created_at: ago(8 * DAY) }).where('id', '=', abandoned).execute();
			await db.updateTable('uploads').set({ created_at: ago(DAY) }).where('id', '=', recent).execute();
			// A finished upload, however old, is the record of bytes received: kept.
			await db.insertInto('uploads').values({ id: 'done', account_id: me, sha256: 'a'.repeat(64), size: 10, bytes_received: 10, created_at: ago(90 * DAY), completed_at: ago(90 * DAY) }).execute();
			expect(existsSync(join(uploadsDir(dataDir), abandoned))).toBe(true);

			const report = await runHousekeeping({ db, dataDir, now: () => NOW });
			expect(report).toEqual({ sessions: 1, codes: 1, rateLimits: 1, messages: 1, uploads: 1, blobs: 0, blobFiles: 0, receiptsIssued: 0 });

			expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['live']);
			expect((await db.selectFrom('one_time_codes').select('id').execute()).map((r) => r.id)).toEqual(['c-recent']);
			expect((await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)).toEqual(['sign-in:now']);
			expect((await db.selectFrom('outbound_messages').select('id').execute()).map((r) => r.id)).toEqual(['m-new']);
			expect((await db.selectFrom('uploads').select('id').orderBy('id').execute()).map((r) => r.id).sort()).toEqual(['done', recent].sort());
			const files = readdirSync(uploadsDir(dataDir));
			expect(files.some((f) => f.startsWith(abandoned))).toBe(false);
			expect(files).toContain(recent);

			// A second run (another instance, the next hour) finds nothing more to do.
			expect(await runHousekeeping({ db, dataDir, now: () => NOW })).toEqual({ sessions: 0, codes: 0, rateLimits: 0, messages: 0, uploads: 0, blobs: 0, blobFiles: 0, receiptsIssued: 0 });
		});
	});
});
