/**
 * Outbox repository: every read and write of outbox entries and receipts goes through here.
 * Reads validate each record (outbox-record.ts); state changes follow the state table
 * (../sync/states.ts).
 *
 * Sending freezes the draft's answers into a manifest under a dossier id generated once.
 * Pressing "Gửi" twice, or in two tabs, must not make two dossiers: the check for an
 * existing entry of the same draft and the insert happen in one read-write transaction,
 * which IndexedDB runs one at a time per store.
 */
import type { DossierManifest, DossierReceipt } from '$lib/domain/wire/dossiers';
import { ACTIVE_STATES, nextState, outboxTransitions, type OutboxEvent } from '../sync/states';
import type { AccountDb } from './account-db';
import { watchLive, type PendingDb, type Unsubscribe } from './live';
import {
	readOutboxRecord,
	readReceiptRecord,
	type OutboxEntry,
	type OutboxState,
	type ReceiptEntry
} from './outbox-record';

export type ManifestInput = Pick<DossierManifest, 'attachments' | 'delivery' | 'agencyCode'>;

/** Valid records of this release's format or older; records a newer release wrote are read-only. */
export function readable(raws: unknown[], options: { writableOnly?: boolean } = {}): OutboxEntry[] {
	const out: OutboxEntry[] = [];
	for (const raw of raws) {
		const r = readOutboxRecord(raw);
		if (!r.ok) {
			console.warn('Outbox record not readable by this version; left as it is', (raw as { id?: string })?.id);
			continue;
		}
		if (options.writableOnly && !r.writable) continue;
		out.push(r.record);
	}
	return out;
}

export async function getEntry(db: AccountDb, id: string): Promise<OutboxEntry | undefined> {
	const raw = await db.outbox.get(id);
	return raw ? readable([raw])[0] : undefined;
}

/** Newest first. */
export async function listEntries(db: AccountDb): Promise<OutboxEntry[]> {
	const all = readable(await db.outbox.toArray());
	return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Entries the engine should work on now (`force` ignores the backoff: the network is back). */
export async function dueEntries(db: AccountDb, now: number, opts: { force?: boolean } = {}): Promise<OutboxEntry[]> {
	const entries = readable(await db.outbox.where('state').anyOf([...ACTIVE_STATES]).toArray(), { writableOnly: true });
	return entries.filter((e) => opts.force || e.nextAttemptAt <= now).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The soonest time a backed-off entry becomes due again, for the page's timer. */
export async function nextDueAt(db: AccountDb): Promise<number | undefined> {
	const entries = readable(await db.outbox.where('state').anyOf([...ACTIVE_STATES]).toArray(), { writableOnly: true });
	const times = entries.map((e) => e.nextAttemptAt);
	return times.length ? Math.min(...times) : undefined;
}

type EntryChanges = Partial<Omit<OutboxEntry, 'id' | 'state' | 'schemaVersion'>>;

/** Changes fields other than the state (progress, attempts…); unknown fields of the record are kept. */
export async function updateEntry(db: AccountDb, id: string, changes: EntryChanges): Promise<void> {
	await db.outbox.update(id, { ...changes, updatedAt: new Date().toISOString() } as never);
}

/**
 * Moves an entry by the state table, with any changes that go with it, in one transaction:
 * the state read and the write cannot interleave with another tab's or the worker's.
 * Returns the new state, or undefined when the entry is gone or not this release's to write.
 */
export async function moveEntry(db: AccountDb, id: string, event: OutboxEvent, changes: EntryChanges = {}): Promise<OutboxState | undefined> {
	return db.transaction('rw', [db.outbox], async (db) => {
		const raw = await db.outbox.get(id);
		const r = raw ? readOutboxRecord(raw) : undefined;
		if (!r?.ok || !r.writable) return undefined;
		const to = nextState(r.record.state, event);
		await db.outbox.update(id, { ...changes, state: to, updatedAt: new Date().toISOString() } as never);
		return to;
	});
}

/** After a sign-in: every paused entry of this account goes back to the queue, due at once. */
export async function resumePaused(db: AccountDb): Promise<number> {
	const paused = readable(await db.outbox.where('state').equals('paused').toArray(), { writableOnly: true });
	for (const e of paused) await moveEntry(db, e.id, 'resume', { nextAttemptAt: 0, lastError: undefined });
	return paused.length;
}

/**
 * "Sửa hồ sơ": takes a queued version back so the person can edit the draft, as long as its
 * PUT has not started (`queued`, `uploading`, `paused`). The next send replaces it and resumes
 * its uploads (see enqueueDraft), so files already sent are not sent again. Returns false when it is too late: the version is being
 * submitted or was received, and the edit must wait for the receipt.
 */
export async function withdrawEntry(db: AccountDb, id: string): Promise<boolean> {
	return db.transaction('rw', [db.outbox], async (db) => {
		const entry = readable([await db.outbox.get(id)].filter(Boolean), { writableOnly: true })[0];
		if (!entry || !outboxTransitions.withdraw.from.includes(entry.state)) return false;
		await moveEntry(db, id, 'withdraw', { lastError: undefined });
		return true;
	});
}

/** Entries waiting for a sign-in. */
export function pausedCount(db: AccountDb): Promise<number> {
	return db.outbox.where('state').equals('paused').count();
}

/** Stores the receipt and marks the entry received, together. */
export async function recordReceipt(db: AccountDb, entry: OutboxEntry, receipt: DossierReceipt): Promise<void> {
	const now = new Date().toISOString();
	await db.transaction('rw', [db.outbox, db.receipts], async (db) => {
		await db.receipts.put({
			...receipt,
			id: receipt.dossierId,
			draftId: entry.draftId,
			storedAt: now,
			...(entry.applicantName ? { applicantName: entry.applicantName } : {})
		});
		await moveEntry(db, entry.id, 'receive', { receipt, lastError: undefined, fieldErrors: undefined });
	});
}

/** The server applied the action of this entry (a supplement or a withdrawal) and answered the dossier's status. */
export async function recordActionAnswer(db: AccountDb, entry: OutboxEntry, status: { code: number; name: string }): Promise<void> {
	await moveEntry(db, entry.id, 'receive', { action: { ...entry.action!, status }, lastError: undefined, fieldErrors: undefined });
}

/** Receipts the server still has, brought back after the browser wiped the device's own (space/eviction.ts). */
export async function restoreReceipts(db: AccountDb, receipts: DossierReceipt[]): Promise<void> {
	const storedAt = new Date().toISOString();
	await db.receipts.bulkPut(receipts.map((r) => ({ ...r, id: r.dossierId, draftId: '', storedAt })));
}

export async function listReceipts(db: AccountDb): Promise<ReceiptEntry[]> {
	const all: ReceiptEntry[] = [];
	for (const raw of await db.receipts.toArray()) {
		const r = readReceiptRecord(raw);
		if (r) all.push(r);
	}
	return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/** Remembers the statuses the server reports for received dossiers (others are left alone). */
export async function rememberStatuses(db: AccountDb, statuses: { id: string; status: number; statusName: string }[], now: Date = new Date()): Promise<void> {
	const checkedAt = now.toISOString();
	await db.transaction('rw', [db.receipts], async (db) => {
		for (const s of statuses) await db.receipts.update(s.id, { lastStatus: { status: s.status, name: s.statusName, checkedAt } } as never);
	});
}

/** Calls back with the outbox now and after every change (this tab, other tabs, the worker). */
export function watchOutbox(db: PendingDb, callback: (entries: OutboxEntry[], db: AccountDb) => void): Unsubscribe {
	return watchLive(db, listEntries, callback);
}
