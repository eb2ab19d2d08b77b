import './helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAccountDb, type AccountDb } from '$lib/client/db/account-db';
import { createDraftAutosaver } from '$lib/client/db/autosave';
import { putBlob } from '$lib/client/db/blobs';
import { createDraft, deleteDraft, getDraft } from '$lib/client/db/drafts';
import { freeUnused, referencedHashes, spaceReport } from '$lib/client/db/space';
import { isQuotaError, messageOf, quotaMessage } from '$lib/client/errors';
import { birthProcedure, freshAccountId, resetDatabases } from './helpers';

afterEach(async () => {
	vi.restoreAllMocks();
	await resetDatabases();
});

const file = (bytes: number, seed: number) => new Blob([new Uint8Array(bytes).fill(seed)], { type: 'image/jpeg' });
const ref = (rec: { sha256: string; size: number }, name = 'anh.jpg') => ({ sha256: rec.sha256, name, size: rec.size, type: 'image/jpeg' });

/** A draft in progress, a sent one, a deleted one, a file used by each and one used by nothing. */
async function phone(db: AccountDb) {
	const inProgress = await putBlob(db, file(1000, 1));
	const sentFile = await putBlob(db, file(2000, 2));
	const ofDeleted = await putBlob(db, file(4000, 3));
	const removed = await putBlob(db, file(8000, 4));
	const waitingOnly = await putBlob(db, file(16000, 5));
	await createDraft(db, { procedure: birthProcedure, answers: { rows: [{ proof: [ref(inProgress)] }] } });
	const sent = await createDraft(db, { procedure: birthProcedure, answers: { proof: [ref(sentFile)] } });
	const gone = await createDraft(db, { procedure: birthProcedure, answers: { proof: [ref(ofDeleted)] } });
	await deleteDraft(db, gone.id);
	const entry = (id: string, draftId: string, state: string, sha256: string) => ({
		id, draftId, state, procedureCode: birthProcedure.code, procedureName: birthProcedure.name, draftRevision: 0,
		manifest: { attachments: [{ slot: 'proof', sha256, name: 'x', size: 1, type: 'image/jpeg' }] },
		progress: [], attempts: 0, nextAttemptAt: 0, createdAt: '', updatedAt: ''
	});
	await db.outbox.bulkAdd([entry('e1', sent.id, 'received', sentFile.sha256), entry('e2', 'other-draft', 'uploading', waitingOnly.sha256)] as never[]);
	return { inProgress, sentFile, ofDeleted, removed, waitingOnly, gone };
}

describe('what the phone holds and what can be removed (issue 16.5)', () => {
	it('finds attachment hashes anywhere in the answers, group rows included', () => {
		expect([...referencedHashes({ a: 'x', rows: [{ f: [{ sha256: 'h1' }] }], g: [{ sha256: 'h2', name: 'n' }] })]).toEqual(['h1', 'h2']);
	});

	it('counts drafts in progress, sent drafts and files, and offers the unused files and deleted drafts', async () => {
		const db = openAccountDb(freshAccountId());
		await phone(db);
		const report = await spaceReport(db);
		expect(report.inProgress.count).toBe(1);
		expect(report.sent.count).toBe(1);
		expect(report.files).toEqual({ count: 5, bytes: 31000 });
		// The file of the deleted draft and the one removed from every draft; not the waiting dossier's.
		expect(report.removable.files).toBe(2);
		expect(report.removable.deletedDrafts).toBe(1);
		expect(report.removable.bytes).toBeGreaterThan(12000);
	});

	it('frees exactly that: files of drafts in progress, of sent drafts and of dossiers on their way stay', async () => {
		const db = openAccountDb(freshAccountId());
		const p = await phone(db);
		const freed = await freeUnused(db);
		expect(freed).toBeGreaterThan(12000);
		expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual([p.inProgress.sha256, p.sentFile.sha256, p.waitingOnly.sha256].sort());
		expect(await getDraft(db, p.gone.id)).toBeUndefined();
		expect((await spaceReport(db)).removable).toEqual({ files: 0, deletedDrafts: 0, bytes: 0 });
	});

	it('a write refused for space is recognised through Dexie, the stored draft is untouched and the typed answers are saved once there is room', async () => {
		const db = openAccountDb(freshAccountId());
		const draft = await createDraft(db, { procedure: birthProcedure, answers: { childName: 'An' } });
		const saver = createDraftAutosaver(db, draft.id, { revision: 0, onError: () => {} });
		// What Chromium does over quota: the write is refused with a QuotaExceededError DOMException.
		const full = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full);
		const update = vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(full);
		saver.update({ childName: 'An Nhiên' });
		const error = await saver.flush().then(() => undefined, (e: unknown) => e);
		expect(isQuotaError(error)).toBe(true);
		expect(messageOf(error)).toBe(quotaMessage());
		expect(quotaMessage()).toContain('Bộ nhớ của máy đã đầy');
		expect(saver.hasPending).toBe(true);
		expect((await getDraft(db, draft.id))!.answers).toEqual({ childName: 'An' });

		put.mockRestore();
		update.mockRestore();
		await saver.flush();
		expect((await getDraft(db, draft.id))!.answers).toEqual({ childName: 'An Nhiên' });
	});
});
