/**
 * Drafts repository: every read and write of a draft goes through here, so pages never
 * touch IndexedDB and the record format stays in one place (schema.ts).
 *
 * Several tabs may have the same draft open. Saves are compare-and-set on `revision`
 * inside one read-write transaction: a save based on a stale revision is refused with
 * the newer draft, so neither tab silently overwrites the other.
 */
import { uuidv7 } from '$lib/domain/uuid';
import type { AccountDb } from './account-db';
import { watchLive, type PendingDb, type Unsubscribe } from './live';
import { DRAFT_SCHEMA_VERSION, type Answers, type Draft } from './schema';

export type { Answers, Draft } from './schema';

export interface DraftProcedure {
	code: string;
	name: string;
}

export class DraftNotFoundError extends Error {
	constructor(readonly draftId: string) {
		super('Không tìm thấy hồ sơ nháp này trên thiết bị. Có thể nó đã bị xoá ở một thẻ khác.');
		this.name = 'DraftNotFoundError';
	}
}

const isoNow = () => new Date().toISOString();

async function requireDraft(db: AccountDb, id: string): Promise<Draft> {
	const draft = await db.drafts.get(id);
	if (!draft) throw new DraftNotFoundError(id);
	return draft;
}

export async function createDraft(
	db: AccountDb,
	input: { procedure: DraftProcedure; answers?: Answers; autofilled?: string[]; title?: string }
): Promise<Draft> {
	const now = isoNow();
	const draft: Draft = {
		id: uuidv7(),
		procedureCode: input.procedure.code,
		procedureName: input.procedure.name,
		title: input.title?.trim() || input.procedure.name,
		answers: structuredClone(input.answers ?? {}),
		autofilled: [...(input.autofilled ?? [])],
		step: 0,
		createdAt: now,
		updatedAt: now,
		revision: 0,
		schemaVersion: DRAFT_SCHEMA_VERSION
	};
	await db.drafts.add(draft);
	return draft;
}

/** The draft, also when soft-deleted (the caller decides whether to show it). */
export async function getDraft(db: AccountDb, id: string): Promise<Draft | undefined> {
	return db.drafts.get(id);
}

/** Drafts not deleted, most recently changed first. */
export async function listDrafts(db: AccountDb): Promise<Draft[]> {
	return db.drafts
		.orderBy('updatedAt')
		.reverse()
		.filter((d) => d.deletedAt === undefined)
		.toArray();
}

/** Soft-deleted drafts, most recently deleted first (for an "undo" list). */
export async function listDeletedDrafts(db: AccountDb): Promise<Draft[]> {
	const deleted = await db.drafts.where('deletedAt').above('').toArray();
	return deleted.sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
}

export type SaveResult =
	| { status: 'saved'; revision: number; updatedAt: string }
	/** Another tab saved first; `current` is what is stored now, nothing was written. */
	| { status: 'conflict'; current: Draft };

/**
 * Writes the answers if the stored revision is still `expectedRevision`.
 * Throws DraftNotFoundError if the draft is gone (deleted for good in another tab).
 */
export async function saveAnswers(
	db: AccountDb,
	id: string,
	answers: Answers,
	options: { expectedRevision: number; autofilled?: string[] }
): Promise<SaveResult> {
	return db.transaction('rw', [db.drafts], async (db): Promise<SaveResult> => {
		const stored = await requireDraft(db, id);
		if (stored.revision !== options.expectedRevision) return { status: 'conflict', current: stored };
		const revision = stored.revision + 1;
		const updatedAt = isoNow();
		const changes: Partial<Draft> = { answers: structuredClone(answers), revision, updatedAt };
		if (options.autofilled) changes.autofilled = [...options.autofilled];
		await db.drafts.update(id, changes);
		return { status: 'saved', revision, updatedAt };
	});
}

export async function renameDraft(db: AccountDb, id: string, title: string): Promise<void> {
	const clean = title.trim();
	if (!clean) throw new Error('Tên hồ sơ nháp không được để trống.');
	if (clean.length > 200) throw new Error('Tên hồ sơ nháp dài tối đa 200 ký tự.');
	await requireDraft(db, id);
	await db.drafts.update(id, { title: clean, updatedAt: isoNow() });
}

/** Remembers the step the person is on; not a content change, so `revision` stays. */
export async function setStep(db: AccountDb, id: string, step: number): Promise<void> {
	if (!Number.isInteger(step) || step < 0) throw new RangeError(`step must be a non-negative integer, got ${step}`);
	await requireDraft(db, id);
	await db.drafts.update(id, { step });
}

export async function duplicateDraft(db: AccountDb, id: string): Promise<Draft> {
	const source = await requireDraft(db, id);
	const now = isoNow();
	const copy: Draft = {
		...structuredClone(source),
		id: uuidv7(),
		title: `${source.title} (bản sao)`,
		createdAt: now,
		updatedAt: now,
		revision: 0,
		step: 0,
		schemaVersion: DRAFT_SCHEMA_VERSION
	};
	delete copy.deletedAt;
	await db.drafts.add(copy);
	return copy;
}

/** Soft delete: hidden from `listDrafts`, restorable with `restoreDraft` until purged. */
export async function deleteDraft(db: AccountDb, id: string): Promise<void> {
	await requireDraft(db, id);
	await db.drafts.update(id, { deletedAt: isoNow() });
}

export async function restoreDraft(db: AccountDb, id: string): Promise<void> {
	await requireDraft(db, id);
	await db.drafts.update(id, { deletedAt: undefined });
}

/** Removes for good the drafts soft-deleted more than `olderThanMs` ago; returns how many. */
export async function purgeDeleted(db: AccountDb, olderThanMs: number, now: number = Date.now()): Promise<number> {
	const cutoff = new Date(now - olderThanMs).toISOString();
	return db.drafts.where('deletedAt').below(cutoff).delete();
}

/**
 * Calls back with the draft now and after every change, in this tab or another (idb.ts
 * tells other tabs of each write), with `undefined` if it is deleted for good.
 */
export function watchDraft(db: PendingDb, id: string, callback: (draft: Draft | undefined) => void, onError?: (error: unknown) => void): Unsubscribe {
	return watchLive(db, (ready) => ready.drafts.get(id), callback, onError);
}

/** Like `watchDraft`, for the draft list page. */
export function watchDrafts(db: PendingDb, callback: (drafts: Draft[], db: AccountDb) => void, onError?: (error: unknown) => void): Unsubscribe {
	return watchLive(db, listDrafts, callback, onError);
}
