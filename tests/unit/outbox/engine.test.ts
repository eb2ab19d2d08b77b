import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { runOutbox } from '$lib/client/sync/engine';
import { getEntry, listReceipts } from '$lib/client/db/outbox';
import { enqueueDraft } from '$lib/client/sync/submission';
import { ApiFailure, networkFailure } from '$lib/client/api';
import { draft, freshDb, input, json, receiptFor, scriptedDeps, sha } from './helpers';

const dbs: ReturnType<typeof freshDb>[] = [];
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});
async function queued() {
	const db = freshDb();
	dbs.push(db);
	await db.blobs.add({ sha256: sha(1), type: 'image/jpeg', size: 1000, name: 'hd.jpg', data: new Blob([new Uint8Array(1000)]), createdAt: '' });
	const { entry } = await enqueueDraft(db, draft(), input);
	return { db, entry };
}

describe('runOutbox', () => {
	it('uploads the missing file, PUTs the manifest and stores the receipt', async () => {
		const { db, entry } = await queued();
		const s = scriptedDeps({
			check: [() => json(200, { present: [] })],
			upload: [async (r) => {
				await r.onUploadUrl('/api/uploads/u1');
				await r.onProgress(1000, 1000);
			}],
			put: [() => json(201, receiptFor(entry.id))]
		});
		expect(await runOutbox(db, s.deps)).toEqual({ ran: true, nextAttemptAt: undefined });
		const stored = await getEntry(db, entry.id);
		expect(stored).toMatchObject({ state: 'received', receipt: { code: 'C01.11.30.H26-260302-0001' } });
		expect(stored!.progress[0]).toMatchObject({ done: true, bytesSent: 1000 });
		expect(s.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/blobs/check', `PUT /api/dossiers/${entry.id}`]);
		expect(s.calls[1].body).toEqual(stored!.manifest);
		expect((await listReceipts(db)).map((r) => r.id)).toEqual([entry.id]);
	});

	it('skips files the server already holds', async () => {
		const { db, entry } = await queued();
		const s = scriptedDeps({ check: [() => json(200, { present: [sha(1)] })], put: [() => json(200, receiptFor(entry.id))] });
		await runOutbox(db, s.deps);
		expect(s.uploads).toHaveLength(0);
		expect((await getEntry(db, entry.id))!.state).toBe('received');
	});

	it('keeps the upload URL and offset after a dropped connection and resumes with them', async () => {
		const { db, entry } = await queued();
		const s = scriptedDeps({
			check: [() => json(200, { present: [] }), () => json(200, { present: [] })],
			upload: [
				async (r) => {
					await r.onUploadUrl('/api/uploads/u1');
					await r.onProgress(600, 1000);
					throw networkFailure();
				},
				async (r) => {
					expect(r.uploadUrl).toBe('/api/uploads/u1');
					await r.onProgress(1000, 1000);
				}
			],
			put: [() => json(201, receiptFor(entry.id))]
		});
		const first = await runOutbox(db, s.deps);
		const waiting = await getEntry(db, entry.id);
		expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
		expect(waiting!.progress[0]).toMatchObject({ bytesSent: 600, uploadUrl: '/api/uploads/u1', done: false });
		expect(waiting!.lastError).toMatch(/tự gửi tiếp khi có mạng/);
		// Backoff: 2 s · 2^0 with jitter 0.5 → 1.5 s; not due before then.
		expect(first.nextAttemptAt).toBe(1_000_000 + 1_500);
		await runOutbox(db, s.deps);
		expect(s.uploads).toHaveLength(1);
		s.advance(1_500);
		await runOutbox(db, s.deps);
		expect((await getEntry(db, entry.id))!.state).toBe('received');
	});

	it('a lost answer to the PUT is retried with the same dossier id and content', async () => {
		const { db, entry } = await queued();
		const put: ((body: unknown) => Response)[] = [];
		const s = scriptedDeps({ check: [() => json(200, { present: [sha(1)] })], put });
		await runOutbox(db, s.deps); // no answer: the request may or may not have arrived
		expect((await getEntry(db, entry.id))!.state).toBe('queued');
		put.push(() => json(200, receiptFor(entry.id)));
		await runOutbox(db, s.deps, { force: true });
		const puts = s.calls.filter((c) => c.method === 'PUT');
		expect(puts.map((c) => c.url)).toEqual([`/api/dossiers/${entry.id}`, `/api/dossiers/${entry.id}`]);
		expect(puts[1].body).toEqual(puts[0].body);
		expect((await getEntry(db, entry.id))!.state).toBe('received');
	});

	it('401 pauses the entry without dropping it; it resumes when asked to', async () => {
		const { db, entry } = await queued();
		const s = scriptedDeps({
			check: [() => json(401, { error: { code: 'unauthenticated', message: 'Phiên đăng nhập đã hết hạn.' } }), () => json(200, { present: [sha(1)] })],
			put: [() => json(201, receiptFor(entry.id))]
		});
		await runOutbox(db, s.deps);
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'paused', lastError: expect.stringMatching(/đăng nhập lại/) });
		await runOutbox(db, s.deps, { force: true });
		expect((await getEntry(db, entry.id))!.state).toBe('paused');
		await runOutbox(db, s.deps, { includePaused: true });
		expect((await getEntry(db, entry.id))!.state).toBe('received');
	});

	it('422 keeps the server field messages for the draft page', async () => {
		const { db, entry } = await queued();
		const fields = { declarantIdNumber: 'Số CCCD phải có 12 chữ số' };
		const s = scriptedDeps({
			check: [() => json(200, { present: [sha(1)] })],
			put: [() => json(422, { error: { code: 'invalid_answers', message: 'Số CCCD phải có 12 chữ số', fields } })]
		});
		await runOutbox(db, s.deps);
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'needs-attention', lastError: 'Số CCCD phải có 12 chữ số', fieldErrors: fields });
		await runOutbox(db, s.deps, { force: true });
		expect(s.calls).toHaveLength(2);
	});

	it('a server fault backs off instead of giving up', async () => {
		const { db, entry } = await queued();
		const s = scriptedDeps({ check: [() => json(503, {})] });
		await runOutbox(db, s.deps);
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringMatching(/503/) });
	});

	it('a file refused by the server needs attention and its upload starts afresh', async () => {
		const { db, entry } = await queued();
		const s = scriptedDeps({
			check: [() => json(200, { present: [] })],
			upload: [async (r) => {
				await r.onUploadUrl('/api/uploads/u1');
				throw new ApiFailure('http', 422, { code: 'unsupported_type', message: 'Nội dung tệp "hd.jpg" không phải ảnh JPEG' });
			}]
		});
		await runOutbox(db, s.deps);
		const stored = await getEntry(db, entry.id);
		expect(stored).toMatchObject({ state: 'needs-attention', lastError: expect.stringMatching(/không phải ảnh/) });
		expect(stored!.progress[0].uploadUrl).toBeUndefined();
	});

	it('another runner holding the lock means this one does nothing', async () => {
		const { db } = await queued();
		const s = scriptedDeps({});
		s.deps.locks = { request: (async (_n: string, _o: unknown, cb: (lock: Lock | null) => unknown) => cb(null)) as never };
		expect(await runOutbox(db, s.deps)).toEqual({ ran: false });
		expect(s.calls).toHaveLength(0);
	});
});
