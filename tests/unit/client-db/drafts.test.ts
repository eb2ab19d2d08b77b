import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccountDb } from '$lib/client/db/account-db';
import {
	createDraft,
	deleteDraft,
	DraftNotFoundError,
	duplicateDraft,
	getDraft,
	listDeletedDrafts,
	listDrafts,
	purgeDeleted,
	renameDraft,
	restoreDraft,
	saveAnswers,
	setStep,
	watchDraft
} from '$lib/client/db/drafts';
import { draftSchema } from '$lib/client/db/schema';
import { isUuidV7 } from '$lib/domain/uuid';
import { birthProcedure, freshAccountId, otherTab, resetDatabases } from './helpers';

afterEach(resetDatabases);

describe('drafts repository', () => {
	it('creates a valid draft with a UUIDv7 id, titled after the procedure', async () => {
		const db = openAccountDb(freshAccountId());
		const draft = await createDraft(db, {
			procedure: birthProcedure,
			answers: { fullName: 'Lê Văn C' },
			autofilled: ['fullName']
		});
		expect(isUuidV7(draft.id)).toBe(true);
		expect(draft).toMatchObject({ title: 'Đăng ký khai sinh', revision: 0, step: 0, autofilled: ['fullName'] });
		expect(draftSchema.parse(await getDraft(db, draft.id))).toEqual(draft);
	});

	it('saves answers with a rising revision and lists newest first', async () => {
		const db = openAccountDb(freshAccountId());
		const a = await createDraft(db, { procedure: birthProcedure });
		const b = await createDraft(db, { procedure: { code: '1.000894', name: 'Đăng ký kết hôn' } });
		await new Promise((r) => setTimeout(r, 5)); // distinct updatedAt
		const saved = await saveAnswers(db, a.id, { childName: 'An' }, { expectedRevision: 0 });
		expect(saved).toMatchObject({ status: 'saved', revision: 1 });
		expect((await listDrafts(db)).map((d) => d.id)).toEqual([a.id, b.id]);
		expect((await getDraft(db, a.id))?.answers).toEqual({ childName: 'An' });
	});

	it('renames, remembers the step and duplicates into a new draft', async () => {
		const db = openAccountDb(freshAccountId());
		const draft = await createDraft(db, { procedure: birthProcedure, answers: { x: '1' } });
		await renameDraft(db, draft.id, '  Khai sinh cho bé An ');
		await setStep(db, draft.id, 3);
		await expect(renameDraft(db, draft.id, '   ')).rejects.toThrow('không được để trống');
		const copy = await duplicateDraft(db, draft.id);
		expect(copy.id).not.toBe(draft.id);
		expect(copy).toMatchObject({ title: 'Khai sinh cho bé An (bản sao)', answers: { x: '1' }, revision: 0 });
		expect((await getDraft(db, draft.id))?.step).toBe(3);
		expect(await listDrafts(db)).toHaveLength(2);
	});

	it('soft-deletes, restores on undo, and purges only old deletions', async () => {
		const db = openAccountDb(freshAccountId());
		const keep = await createDraft(db, { procedure: birthProcedure });
		const gone = await createDraft(db, { procedure: birthProcedure });
		await deleteDraft(db, gone.id);
		expect((await listDrafts(db)).map((d) => d.id)).toEqual([keep.id]);
		expect((await listDeletedDrafts(db)).map((d) => d.id)).toEqual([gone.id]);

		await restoreDraft(db, gone.id);
		expect(await listDrafts(db)).toHaveLength(2);
		expect((await getDraft(db, gone.id))?.deletedAt).toBeUndefined();

		await deleteDraft(db, gone.id);
		expect(await purgeDeleted(db, 60_000)).toBe(0); // deleted just now: still undoable
		expect(await purgeDeleted(db, 60_000, Date.now() + 120_000)).toBe(1);
		expect(await getDraft(db, gone.id)).toBeUndefined();
		expect(await getDraft(db, keep.id)).toBeDefined();
		await expect(restoreDraft(db, gone.id)).rejects.toBeInstanceOf(DraftNotFoundError);
	});

	it('refuses a save based on a stale revision (another tab saved first) and loses nothing', async () => {
		const tabA = openAccountDb(freshAccountId());
		const tabB = otherTab(tabA);
		const draft = await createDraft(tabA, { procedure: birthProcedure });

		const fromA = await saveAnswers(tabA, draft.id, { childName: 'An' }, { expectedRevision: 0 });
		const fromB = await saveAnswers(tabB, draft.id, { childName: 'Bình' }, { expectedRevision: 0 });

		expect(fromA.status).toBe('saved');
		expect(fromB.status).toBe('conflict');
		if (fromB.status !== 'conflict') throw new Error('unreachable');
		expect(fromB.current).toMatchObject({ revision: 1, answers: { childName: 'An' } });
		// Tab B resolves by saving on top of what it now knows.
		expect(await saveAnswers(tabB, draft.id, { childName: 'Bình' }, { expectedRevision: 1 })).toMatchObject({
			status: 'saved',
			revision: 2
		});
		expect((await getDraft(tabA, draft.id))?.answers).toEqual({ childName: 'Bình' });
		tabB.close();
	});

	it('lets a page watch the draft change when another tab saves it', async () => {
		const tabA = openAccountDb(freshAccountId());
		const tabB = otherTab(tabA);
		const draft = await createDraft(tabA, { procedure: birthProcedure });
		const seen: unknown[] = [];
		let ready!: () => void;
		const firstEmission = new Promise<void>((r) => (ready = r));
		const gotEdit = new Promise<void>((resolve) => {
			const stop = watchDraft(tabA, draft.id, (d) => {
				seen.push(d?.answers.childName);
				ready();
				if (d?.answers.childName === 'từ thẻ khác') {
					stop();
					resolve();
				}
			});
		});
		await firstEmission;
		await saveAnswers(tabB, draft.id, { childName: 'từ thẻ khác' }, { expectedRevision: 0 });
		await gotEdit;
		expect(seen).toEqual([undefined, 'từ thẻ khác']);
		tabB.close();
	});
});
