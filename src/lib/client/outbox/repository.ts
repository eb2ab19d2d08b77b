/**
 * Outbox repository: every read and write of outbox entries and receipts goes through here.
 *
 * Sending freezes the draft's answers into a manifest under a dossier id generated once.
 * Pressing "Gửi" twice, or in two tabs, must not make two dossiers: the check for an
 * existing entry of the same draft and the insert happen in one read-write transaction,
 * which IndexedDB runs one at a time per store.
 */
import { liveQuery } from 'dexie';
import type { DossierManifest, DossierReceipt } from '$lib/domain/dossier';
import { uuidv7 } from '$lib/domain/uuid';
import type { AccountDb } from '../db/account-db';
import type { Draft } from '../db/schema';
import { ACTIVE_STATES, type OutboxEntry, type OutboxState, type ReceiptEntry } from './types';

type Tables = {
	outbox: import('dexie').EntityTable<OutboxEntry, 'id'>;
	receipts: import('dexie').EntityTable<ReceiptEntry, 'id'>;
};
/** The typed view of the placeholder tables declared in schema.ts. */
export const tables = (db: AccountDb): Tables => db as unknown as Tables;

export type ManifestInput = Omit<DossierManifest, 'version' | 'submittedAt' | 'procedureCode' | 'answers'>;

export interface EnqueueResult {
	entry: OutboxEntry;
	/** False when this draft was already in the outbox (second press, second tab). */
	created: boolean;
}

/**
 * Puts a draft into the outbox, or returns the entry already there for it. An entry the
 * server refused (needs-attention) is replaced: the person fixed the draft and sends a new
 * version under a new dossier id.
 */
export async function enqueueDraft(
	db: AccountDb,
	draft: Pick<Draft, 'id' | 'procedureCode' | 'procedureName' | 'answers' | 'revision'>,
	input: ManifestInput,
	now: Date = new Date()
): Promise<EnqueueResult> {
	const { outbox } = tables(db);
	return db.transaction('rw', outbox, async () => {
		const existing = await outbox.where('draftId').equals(draft.id).toArray();
		const live = existing.find((e) => e.state !== 'needs-attention');
		if (live) return { entry: live, created: false };
		await outbox.bulkDelete(existing.map((e) => e.id));

		const manifest: DossierManifest = structuredClone({
			version: 1,
			procedureCode: draft.procedureCode,
			answers: draft.answers as DossierManifest['answers'],
			attachments: input.attachments,
			delivery: input.delivery,
			agencyCode: input.agencyCode,
			submittedAt: now.toISOString()
		});
		const seen = new Set<string>();
		const entry: OutboxEntry = {
			id: uuidv7(),
			draftId: draft.id,
			procedureCode: draft.procedureCode,
			procedureName: draft.procedureName,
			draftRevision: draft.revision,
			manifest,
			state: 'queued',
			progress: manifest.attachments
				.filter((a) => !seen.has(a.sha256) && seen.add(a.sha256))
				.map((a) => ({ sha256: a.sha256, bytesSent: 0, total: a.size, done: false })),
			attempts: 0,
			nextAttemptAt: 0,
			createdAt: now.toISOString(),
			updatedAt: now.toISOString()
		};
		await outbox.add(entry);
		return { entry, created: true };
	});
}

export async function getEntry(db: AccountDb, id: string): Promise<OutboxEntry | undefined> {
	return tables(db).outbox.get(id);
}

/** The entry for a draft that counts (the newest one), if any. */
export async function entryForDraft(db: AccountDb, draftId: string): Promise<OutboxEntry | undefined> {
	const entries = await tables(db).outbox.where('draftId').equals(draftId).toArray();
	return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** Newest first. */
export async function listEntries(db: AccountDb): Promise<OutboxEntry[]> {
	const all = await tables(db).outbox.toArray();
	return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Entries the engine should work on now (`force` ignores the backoff: the network is back). */
export async function dueEntries(db: AccountDb, now: number, opts: { force?: boolean; includePaused?: boolean } = {}): Promise<OutboxEntry[]> {
	const states: OutboxState[] = [...ACTIVE_STATES, ...(opts.includePaused ? (['paused'] as const) : [])];
	const entries = await tables(db).outbox.where('state').anyOf(states).toArray();
	return entries
		.filter((e) => opts.force || e.state === 'paused' || e.nextAttemptAt <= now)
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The soonest time a backed-off entry becomes due again, for the page's timer. */
export async function nextDueAt(db: AccountDb): Promise<number | undefined> {
	const entries = await tables(db).outbox.where('state').anyOf([...ACTIVE_STATES]).toArray();
	const times = entries.map((e) => e.nextAttemptAt);
	return times.length ? Math.min(...times) : undefined;
}

export async function updateEntry(db: AccountDb, id: string, changes: Partial<OutboxEntry>): Promise<void> {
	await tables(db).outbox.update(id, { ...changes, updatedAt: new Date().toISOString() });
}

/** After sign-in: paused entries go back to the queue. */
export async function resumePaused(db: AccountDb): Promise<number> {
	return tables(db).outbox.where('state').equals('paused').modify({ state: 'queued', nextAttemptAt: 0, lastError: undefined });
}

/** Stores the receipt and marks the entry received, together. */
export async function recordReceipt(db: AccountDb, entry: OutboxEntry, receipt: DossierReceipt): Promise<void> {
	const { outbox, receipts } = tables(db);
	const now = new Date().toISOString();
	await db.transaction('rw', outbox, receipts, async () => {
		await receipts.put({ ...receipt, id: receipt.dossierId, draftId: entry.draftId, storedAt: now });
		await outbox.update(entry.id, { state: 'received', receipt, lastError: undefined, fieldErrors: undefined, updatedAt: now });
	});
}

export async function listReceipts(db: AccountDb): Promise<ReceiptEntry[]> {
	const all = await tables(db).receipts.toArray();
	return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

export async function getReceipt(db: AccountDb, dossierId: string): Promise<ReceiptEntry | undefined> {
	return tables(db).receipts.get(dossierId);
}

/** Calls back with the outbox now and after every change (this tab, other tabs, the worker). */
export function watchOutbox(db: AccountDb, callback: (entries: OutboxEntry[]) => void): () => void {
	const sub = liveQuery(() => listEntries(db)).subscribe({ next: callback, error: (e) => console.error(e) });
	return () => sub.unsubscribe();
}
