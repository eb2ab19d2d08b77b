import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getEntry, moveEntry } from '$lib/client/db/outbox';
import { OUTBOX_RECORD_VERSION, readOutboxRecord } from '$lib/client/db/outbox-record';
import { nextState, outboxTransitions, OutboxTransitionError } from '$lib/client/sync/states';
import { enqueueDraft } from '$lib/client/sync/submission';
import type { FormDefinition } from '$lib/domain/form-definition';
import { draft, freshDb, input } from './helpers';

describe('outbox state table', () => {
	it('moves an entry along the happy path and through the detours', () => {
		expect(nextState('queued', 'upload')).toBe('uploading');
		expect(nextState('uploading', 'submit')).toBe('submitting');
		expect(nextState('submitting', 'receive')).toBe('received');
		expect(nextState('uploading', 'back-off')).toBe('queued');
		expect(nextState('submitting', 'pause')).toBe('paused');
		expect(nextState('paused', 'resume')).toBe('queued');
		expect(nextState('submitting', 'refuse')).toBe('needs-attention');
	});

	it('refuses a transition that is not in the table', () => {
		expect(() => nextState('received', 'submit')).toThrow(OutboxTransitionError);
		expect(() => nextState('queued', 'receive')).toThrow(OutboxTransitionError);
		expect(() => nextState('needs-attention', 'resume')).toThrow(OutboxTransitionError);
		expect(() => nextState('paused', 'upload')).toThrow(OutboxTransitionError);
	});

	it('says who makes each transition and why', () => {
		for (const t of Object.values(outboxTransitions)) {
			expect(['engine', 'sign-in', 'person']).toContain(t.by);
			expect(t.why.length).toBeGreaterThan(10);
		}
	});

	it('never writes a record that a newer release wrote; still reads it', async () => {
		const db = freshDb();
		const { entry } = await enqueueDraft(db, draft(), input);
		await db.outbox.update(entry.id, { schemaVersion: OUTBOX_RECORD_VERSION + 1, futureField: 'kept' } as never);
		expect(await moveEntry(db, entry.id, 'upload')).toBeUndefined();
		const raw = await db.outbox.get(entry.id);
		expect(raw).toMatchObject({ state: 'queued', futureField: 'kept' });
		expect(readOutboxRecord(raw)).toMatchObject({ ok: true, writable: false });
		expect((await getEntry(db, entry.id))?.state).toBe('queued');
		await db.delete();
	});

	it('reads and moves a record the landed release wrote (no schemaVersion)', async () => {
		const db = freshDb();
		const { entry } = await enqueueDraft(db, draft(), input);
		const { schemaVersion: _, ...landed } = (await db.outbox.get(entry.id))!;
		await db.outbox.put(landed);
		expect(readOutboxRecord(await db.outbox.get(entry.id))).toMatchObject({ ok: true, writable: true });
		expect(await moveEntry(db, entry.id, 'upload')).toBe('uploading');
		await db.delete();
	});

	it('keeps unknown fields when it writes, and skips a record it cannot read', async () => {
		const db = freshDb();
		const { entry } = await enqueueDraft(db, draft(), input);
		await db.outbox.update(entry.id, { futureField: 'kept' } as never);
		expect(await moveEntry(db, entry.id, 'upload')).toBe('uploading');
		expect(await db.outbox.get(entry.id)).toMatchObject({ state: 'uploading', futureField: 'kept' });
		await db.outbox.put({ id: 'broken', state: 'queued', draftId: 'x' } as never);
		expect(readOutboxRecord(await db.outbox.get('broken'))).toEqual({ ok: false, reason: 'invalid' });
		expect(await getEntry(db, 'broken')).toBeUndefined();
		await db.delete();
	});

	it('checks the manifest with the server\'s schema before it enters the queue', async () => {
		const db = freshDb();
		const bad = { ...input, agencyCode: 'not-a-code' };
		await expect(enqueueDraft(db, draft(), bad)).rejects.toMatchObject({ name: 'InvalidManifest', fields: { agencyCode: expect.stringMatching(/000.00.19.H47/) } });
		expect(await db.outbox.count()).toBe(0);
		await db.delete();
	});

	it('refuses an answer the procedure\'s form has no field for, as the server does (issue 12, defect 6)', async () => {
		const db = freshDb();
		const form = { sections: [{ id: 's', title: 'S', fields: [{ id: 'declarantName', type: 'text', label: 'Họ tên', required: true }, { id: 'residenceProofFile', type: 'attachment', label: 'Giấy tờ' }] }] } as unknown as FormDefinition;
		const padded = draft({ answers: { ...draft().answers, madeUp: 'x' } });
		await expect(enqueueDraft(db, padded, { ...input, form })).rejects.toMatchObject({ name: 'InvalidManifest', fields: { 'answers.madeUp': 'Tờ khai của thủ tục này không có mục "madeUp"' } });
		expect(await db.outbox.count()).toBe(0);
		expect((await enqueueDraft(db, draft(), { ...input, form })).created).toBe(true);
		await db.delete();
	});
});
