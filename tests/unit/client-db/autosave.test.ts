import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccountDb } from '$lib/client/db/account-db';
import { createDraftAutosaver } from '$lib/client/db/autosave';
import { createDraft, DraftNotFoundError, getDraft, saveAnswers, type Draft } from '$lib/client/db/drafts';
import { birthProcedure, freshAccountId, otherTab, resetDatabases } from './helpers';

afterEach(resetDatabases);

async function setup() {
	const db = openAccountDb(freshAccountId());
	const draft = await createDraft(db, { procedure: birthProcedure });
	return { db, draft };
}

describe('draft autosaver', () => {
	it('coalesces a burst of keystrokes into one write of the last value on flush', async () => {
		const { db, draft } = await setup();
		const saves: number[] = [];
		const saver = createDraftAutosaver(db, draft.id, { revision: 0, onSaved: (s) => saves.push(s.revision) });
		const answers: Record<string, string> = {};
		for (const ch of 'Nguyễn Văn An') {
			answers.childName = (answers.childName ?? '') + ch;
			saver.update(answers); // the caller keeps mutating the same object
		}
		await saver.flush();
		expect(saves).toEqual([1]);
		expect((await getDraft(db, draft.id))?.answers).toEqual({ childName: 'Nguyễn Văn An' });
		expect(saver.hasPending).toBe(false);
	});

	it('writes on its own after the delay', async () => {
		const { db, draft } = await setup();
		const saved = new Promise<number>((resolve) => {
			const saver = createDraftAutosaver(db, draft.id, { revision: 0, delayMs: 5, onSaved: (s) => resolve(s.revision) });
			saver.update({ a: 1 });
		});
		expect(await saved).toBe(1);
		expect((await getDraft(db, draft.id))?.answers).toEqual({ a: 1 });
	});

	it('writes within the delay of the first unsaved change even while typing goes on', async () => {
		const { db, draft } = await setup();
		const saves: string[] = [];
		const saver = createDraftAutosaver(db, draft.id, {
			revision: 0,
			delayMs: 40,
			onSaved: () => saves.push('saved')
		});
		// A keystroke every 10 ms for 200 ms: a resetting debounce would not write until the end.
		let name = '';
		for (let i = 0; i < 20; i++) {
			name += 'a';
			saver.update({ childName: name });
			await new Promise((r) => setTimeout(r, 10));
		}
		expect(saves.length).toBeGreaterThanOrEqual(2);
		await saver.flush();
		expect((await getDraft(db, draft.id))?.answers).toEqual({ childName: 'a'.repeat(20) });
	});

	it('serialises writes and never loses a change made while a write is in flight', async () => {
		const { db, draft } = await setup();
		const saver = createDraftAutosaver(db, draft.id, { revision: 0 });
		saver.update({ v: 1 });
		const first = saver.flush(); // write of v1 starts
		saver.update({ v: 2 }); // arrives mid-write
		saver.update({ v: 3 });
		await Promise.all([first, saver.flush()]);
		const stored = await getDraft(db, draft.id);
		expect(stored?.answers).toEqual({ v: 3 });
		expect(stored?.revision).toBe(saver.revision);
		expect(saver.revision).toBe(2); // v1 then v3: v2 was superseded, not written
	});

	it('stops on a conflict, hands over the unsaved answers, and saves them after rebase', async () => {
		const { db, draft } = await setup();
		const tabB = otherTab(db);
		await saveAnswers(tabB, draft.id, { childName: 'từ thẻ B' }, { expectedRevision: 0 });

		const conflicts: { current: Draft; unsaved: unknown }[] = [];
		const saver = createDraftAutosaver(db, draft.id, {
			revision: 0,
			onConflict: (current, unsaved) => conflicts.push({ current, unsaved })
		});
		saver.update({ childName: 'từ thẻ A' });
		await saver.flush();

		expect(conflicts).toHaveLength(1);
		expect(conflicts[0].current.answers).toEqual({ childName: 'từ thẻ B' });
		expect(conflicts[0].unsaved).toEqual({ childName: 'từ thẻ A' });
		expect(saver.conflicted).toBe(true);
		expect(saver.hasPending).toBe(true);
		expect((await getDraft(db, draft.id))?.answers).toEqual({ childName: 'từ thẻ B' });

		saver.rebase(conflicts[0].current.revision); // the person keeps their version
		await saver.flush();
		expect((await getDraft(db, draft.id))?.answers).toEqual({ childName: 'từ thẻ A' });
		expect(saver.conflicted).toBe(false);
		tabB.close();
	});

	it('keeps the value when the write fails', async () => {
		const { db, draft } = await setup();
		const saver = createDraftAutosaver(db, draft.id, { revision: 0 });
		await db.drafts.delete(draft.id); // gone for good in another tab
		saver.update({ a: 1 });
		await expect(saver.flush()).rejects.toBeInstanceOf(DraftNotFoundError);
		expect(saver.hasPending).toBe(true);
	});
});
