/**
 * What an account's database holds, in words a person can act on when the phone is full,
 * and the one clean-up that never loses anything: files no draft or waiting dossier uses
 * any more (an attachment removed or replaced, a deleted draft's photos) and drafts the
 * person deleted. A draft in progress, a sent draft and a dossier on its way are never
 * touched here; the person removes those themselves on "Hồ sơ đang soạn".
 */
import type { AccountDb } from './account-db';
import type { Draft } from './schema';

export interface SpaceReport {
	/** Drafts not yet sent (or refused and being corrected). */
	inProgress: { count: number; bytes: number };
	/** Drafts whose dossier was received: the receipt stays whatever happens to them. */
	sent: { count: number; bytes: number };
	files: { count: number; bytes: number };
	/** What `freeUnused` removes. */
	removable: { files: number; deletedDrafts: number; bytes: number };
}

const encoder = new TextEncoder();
const sizeOf = (draft: Draft) => encoder.encode(JSON.stringify(draft)).byteLength;

/** Every file hash an answer refers to: attachments are `{ sha256, … }`, possibly inside group rows. */
export function referencedHashes(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const v of value) referencedHashes(v, into);
	else if (value && typeof value === 'object') {
		const sha = (value as { sha256?: unknown }).sha256;
		if (typeof sha === 'string') into.add(sha);
		for (const v of Object.values(value)) if (v && typeof v === 'object') referencedHashes(v, into);
	}
	return into;
}

/** Tables other than drafts and the outbox whose records may point at stored files (the personal document store). */
const otherUsers = (db: AccountDb) => db.tables.filter((t) => t.name === 'documents');

async function survey(db: AccountDb) {
	return db.transaction('r', [db.drafts, db.outbox, db.blobs, ...otherUsers(db)], async (db) => {
		const drafts = await db.drafts.toArray();
		const entries = await db.outbox.toArray();
		const files = await db.blobs.toArray();
		const received = new Set(entries.filter((e) => e.state === 'received').map((e) => e.draftId));
		const used = new Set<string>();
		for (const table of otherUsers(db)) referencedHashes(await table.toArray(), used);
		for (const d of drafts) if (!d.deletedAt) referencedHashes(d.answers, used);
		for (const e of entries) if (e.state !== 'received' && e.state !== 'withdrawn') referencedHashes(e.manifest, used);
		return {
			live: drafts.filter((d) => !d.deletedAt),
			deleted: drafts.filter((d) => d.deletedAt),
			received,
			files,
			unused: files.filter((f) => !used.has(f.sha256))
		};
	});
}

export async function spaceReport(db: AccountDb): Promise<SpaceReport> {
	const s = await survey(db);
	const sum = (drafts: Draft[]) => drafts.reduce((n, d) => n + sizeOf(d), 0);
	const inProgress = s.live.filter((d) => !s.received.has(d.id));
	const sent = s.live.filter((d) => s.received.has(d.id));
	return {
		inProgress: { count: inProgress.length, bytes: sum(inProgress) },
		sent: { count: sent.length, bytes: sum(sent) },
		files: { count: s.files.length, bytes: s.files.reduce((n, f) => n + f.size, 0) },
		removable: { files: s.unused.length, deletedDrafts: s.deleted.length, bytes: s.unused.reduce((n, f) => n + f.size, 0) + sum(s.deleted) }
	};
}

/**
 * Deletes the files nothing uses and the drafts the person deleted; returns the bytes freed.
 * Deleting needs no space, so this works on a full phone.
 */
export async function freeUnused(db: AccountDb): Promise<number> {
	return db.transaction('rw', [db.drafts, db.outbox, db.blobs, ...otherUsers(db)], async (db) => {
		// Deleted drafts first: their files become unused in the same pass.
		const deleted = (await db.drafts.toArray()).filter((d) => d.deletedAt);
		await db.drafts.bulkDelete(deleted.map((d) => d.id));
		const s = await survey(db);
		await db.blobs.bulkDelete(s.unused.map((f) => f.sha256));
		return deleted.reduce((n, d) => n + sizeOf(d), 0) + s.unused.reduce((n, f) => n + f.size, 0);
	});
}
