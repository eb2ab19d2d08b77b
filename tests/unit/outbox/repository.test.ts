import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountDb } from '$lib/client/db/account-db';
import { listEntries, listReceipts, recordReceipt, rememberStatuses, resumePaused, moveEntry } from '$lib/client/db/outbox';
import { enqueueDraft } from '$lib/client/sync/submission';
import { backoffDelay, MAX_DELAY_MS } from '$lib/client/sync/backoff';
import { isUuidV7 } from '$lib/domain/uuid';
import { dossierManifestSchema } from '$lib/domain/wire/dossiers';
import { draft, freshDb, input, receiptFor } from './helpers';

const dbs: ReturnType<typeof freshDb>[] = [];
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
	const db = freshDb();
	dbs.push(db);
	return db;
};

describe('enqueueDraft', () => {
	it('freezes the answers: later edits of the draft do not change the queued manifest', async () => {
		const db = open();
		const d = draft();
		const { entry } = await enqueueDraft(db, d, input);
		(d.answers as Record<string, unknown>).declarantName = 'Sửa sau khi gửi';
		const [stored] = await listEntries(db);
		expect(stored.manifest.answers.declarantName).toBe('Nguyễn Văn An');
		expect(stored.draftRevision).toBe(3);
		expect(isUuidV7(entry.id)).toBe(true);
		expect(stored.state).toBe('queued');
		expect(stored.progress).toEqual([{ sha256: input.attachments[0].sha256, bytesSent: 0, total: 1000, done: false }]);
		expect(dossierManifestSchema.safeParse(stored.manifest).success).toBe(true);
	});

	it('pressing send twice gives one entry with the same dossier id', async () => {
		const db = open();
		const first = await enqueueDraft(db, draft(), input);
		const second = await enqueueDraft(db, draft(), input);
		expect(second.created).toBe(false);
		expect(second.entry.id).toBe(first.entry.id);
		expect(await listEntries(db)).toHaveLength(1);
	});

	it('two tabs pressing send at the same moment make one entry', async () => {
		const a = open();
		const b = createAccountDb(a.accountId);
		const results = await Promise.all([enqueueDraft(a, draft(), input), enqueueDraft(b, draft(), input)]);
		b.close();
		expect(results.filter((r) => r.created)).toHaveLength(1);
		expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
		expect(await listEntries(a)).toHaveLength(1);
	});

	it('a received draft is not sent again', async () => {
		const db = open();
		const { entry } = await enqueueDraft(db, draft(), input);
		await moveEntry(db, entry.id, 'submit');
		await moveEntry(db, entry.id, 'receive');
		const again = await enqueueDraft(db, draft({ revision: 4 }), input);
		expect(again).toMatchObject({ created: false, entry: { id: entry.id, state: 'received' } });
	});

	it('a refused version is replaced by the fixed one under a new dossier id', async () => {
		const db = open();
		const { entry } = await enqueueDraft(db, draft(), input);
		await moveEntry(db, entry.id, 'refuse', { lastError: 'Số CCCD phải có 12 chữ số' });
		const fixed = await enqueueDraft(db, draft({ revision: 5 }), input);
		expect(fixed.created).toBe(true);
		expect(fixed.entry.id).not.toBe(entry.id);
		const all = await listEntries(db);
		expect(all.map((e) => e.id)).toEqual([fixed.entry.id]);
		expect(all[0].draftRevision).toBe(5);
	});

	it("keeps the applicant's name from the queue to the stored receipt, and the server's later status", async () => {
		const db = open();
		const { entry } = await enqueueDraft(db, draft(), { ...input, applicantName: 'Nguyễn Văn An' });
		expect((await listEntries(db))[0].applicantName).toBe('Nguyễn Văn An');
		await moveEntry(db, entry.id, 'upload');
		await moveEntry(db, entry.id, 'submit');
		await recordReceipt(db, entry, { ...receiptFor(entry.id), status: 1 } as never);
		await rememberStatuses(db, [{ id: entry.id, status: 4, statusName: 'Đang xử lý' }], new Date('2026-03-03T02:00:00Z'));
		const [receipt] = await listReceipts(db);
		expect(receipt.applicantName).toBe('Nguyễn Văn An');
		expect(receipt.lastStatus).toEqual({ status: 4, name: 'Đang xử lý', checkedAt: '2026-03-03T02:00:00.000Z' });
	});

	it('the same file in two slots is uploaded once', async () => {
		const db = open();
		const twice = { ...input, attachments: [input.attachments[0], { ...input.attachments[0], slot: 'other' }] };
		const { entry } = await enqueueDraft(db, draft(), twice);
		expect(entry.progress).toHaveLength(1);
	});
});

describe('resumePaused', () => {
	it('puts paused entries back in the queue after sign-in', async () => {
		const db = open();
		const { entry } = await enqueueDraft(db, draft(), input);
		await moveEntry(db, entry.id, 'pause', { nextAttemptAt: 99 });
		expect(await resumePaused(db)).toBe(1);
		expect((await listEntries(db))[0]).toMatchObject({ state: 'queued', nextAttemptAt: 0 });
	});
});

describe('backoffDelay', () => {
	it('doubles from 2 s with jitter in the upper half, capped at 5 minutes', () => {
		expect(backoffDelay(0, () => 0)).toBe(1_000);
		expect(backoffDelay(0, () => 1)).toBe(2_000);
		expect(backoffDelay(3, () => 1)).toBe(16_000);
		expect(backoffDelay(3, () => 0)).toBe(8_000);
		expect(backoffDelay(50, () => 1)).toBe(MAX_DELAY_MS);
		expect(backoffDelay(50, () => 0)).toBe(MAX_DELAY_MS / 2);
	});
});
