import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { runOutbox } from '$lib/client/sync/engine';
import { getEntry, listEntries, moveEntry, withdrawEntry } from '$lib/client/db/outbox';
import { enqueueDraft } from '$lib/client/sync/submission';
import { networkFailure } from '$lib/client/api';
import { draft, freshDb, input, json, receiptFor, scriptedDeps, sha } from './helpers';

// Issue 16.1: an edit while a dossier is being sent is never silently dropped. Before its PUT
// the person may take the queued version back; the next send replaces it and resumes its upload.

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

describe('taking a queued version back to edit it', () => {
	it('a half-uploaded version is withdrawn, never PUT, and the edited one resumes its upload from the same offset', async () => {
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
			put: []
		});
		await runOutbox(db, s.deps);
		expect(await withdrawEntry(db, entry.id)).toBe(true);
		expect((await getEntry(db, entry.id))!.state).toBe('withdrawn');
		await runOutbox(db, s.deps, { force: true });
		expect(s.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

		const edited = draft({ revision: 4, answers: { ...draft().answers, tempMonths: '6' } });
		const { entry: second, created } = await enqueueDraft(db, edited, input);
		expect(created).toBe(true);
		expect(second.id).not.toBe(entry.id);
		expect(second.progress[0]).toMatchObject({ uploadUrl: '/api/uploads/u1', bytesSent: 600, done: false });
		expect((await listEntries(db)).map((e) => e.id)).toEqual([second.id]);

		const put = scriptedDeps({ check: [() => json(200, { present: [] })], upload: [async (r) => r.onProgress(1000, 1000)], put: [() => json(201, receiptFor(second.id))] });
		await runOutbox(db, put.deps);
		expect(put.uploads[0].uploadUrl).toBe('/api/uploads/u1');
		expect(put.calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ answers: { tempMonths: '6' } });
		expect((await getEntry(db, second.id))!.state).toBe('received');
	});

	it('once the PUT has started (submitting) or the receipt came, the version cannot be taken back', async () => {
		const { db, entry } = await queued();
		await moveEntry(db, entry.id, 'submit');
		expect(await withdrawEntry(db, entry.id)).toBe(false);
		expect((await getEntry(db, entry.id))!.state).toBe('submitting');
		await moveEntry(db, entry.id, 'receive');
		expect(await withdrawEntry(db, entry.id)).toBe(false);
		// A second send of the same draft returns the received version, not a new dossier.
		expect((await enqueueDraft(db, draft({ revision: 9 }), input)).created).toBe(false);
	});
});
