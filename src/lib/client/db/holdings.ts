/**
 * Noticing that the browser evicted this site's IndexedDB (a full phone clears "best-effort"
 * storage without asking, every database of the site at once). A small marker of what each
 * account's space holds is kept outside IndexedDB, in localStorage, with a stamp that also lives
 * in the device database. At start, a marker whose stamp the device database no longer has means
 * the databases were wiped under us: the loss is reported (with the titles of the drafts that were
 * never sent, which only the marker still knows) instead of an empty list that says nothing.
 *
 * This is the only part that runs at every start (session.svelte.ts): it reads a few records and
 * writes one localStorage key. What repairs a loss (space/eviction.ts: the server's dossiers,
 * asking for persistent storage, the notice) is downloaded only when one is found.
 * No identity number goes into the marker: long digit runs in titles are masked.
 */
import { uuidv7 } from '$lib/domain/uuid';
import type { AccountDb } from './account-db';
import { deleteMeta, getMeta, setMeta } from './device-meta';
import { localKeys, metaKeys, readStored, writeStored } from './keys';
import { liveQuery } from './live';

export interface Holdings {
	/** Equal to the device database's stamp while nothing was wiped. */
	stamp: string;
	/** Drafts not sent yet (titles, for the report of a loss). */
	unsent: string[];
	/** Dossiers received (receipts on the device). */
	receipts: number;
}

/** A wipe noticed at start: what the marker said the space held. */
export interface Loss {
	accountId: string;
	at: string;
	unsent: string[];
	receipts: number;
}

/** A loss noticed on an earlier start and not acknowledged yet (space/eviction.ts records it). */
export function readLoss<T extends Loss>(accountId: string): T | null {
	return readJson<T>(localKeys.evicted(accountId));
}

const maskDigits = (title: string) => title.replace(/\d{6,}/g, (d) => `${d.slice(0, 2)}${'•'.repeat(d.length - 4)}${d.slice(-2)}`);

function readJson<T>(key: string): T | null {
	try {
		return JSON.parse(readStored('local', key) ?? 'null') as T | null;
	} catch {
		return null;
	}
}

export const readHoldings = (accountId: string) => readJson<Holdings>(localKeys.holdings(accountId));

async function describe(db: AccountDb, stamp: string): Promise<Holdings> {
	const [drafts, entries, receipts] = await Promise.all([db.drafts.toArray(), db.outbox.toArray(), db.receipts.count()]);
	const received = new Set(entries.filter((e) => e.state === 'received').map((e) => e.draftId));
	const unsent = drafts.filter((d) => !d.deletedAt && !received.has(d.id)).map((d) => maskDigits(d.title).slice(0, 80));
	return { stamp, unsent, receipts };
}

const holdsSomething = (h: Holdings) => h.unsent.length > 0 || h.receipts > 0;

/**
 * Compares the marker with the device: returns the loss when the databases were wiped since the
 * marker was written, then stamps the device and keeps the marker up to date while the page is
 * open. `stop` ends the watch.
 */
export async function checkHoldings(db: AccountDb): Promise<{ loss: Loss | null; stop: () => void }> {
	const accountId = db.accountId;
	const marker = readHoldings(accountId);
	// Both reads start before the page can write anything into the fresh database.
	const [stored, now] = await Promise.all([getMeta(metaKeys.holdingsStamp(accountId)), describe(db, '')]);
	let stamp = stored as string | undefined;
	// The device database lost its stamp while this space still holds its data: not a wipe.
	const wiped = marker !== null && marker.stamp !== stamp && holdsSomething(marker) && !holdsSomething(now);
	const loss = wiped ? { accountId, at: new Date().toISOString(), unsent: marker.unsent, receipts: marker.receipts } : null;
	if (!stamp) {
		stamp = uuidv7();
		await setMeta(metaKeys.holdingsStamp(accountId), stamp);
	}
	const current = stamp;
	const write = (h: Holdings) => writeStored('local', localKeys.holdings(accountId), JSON.stringify(h));
	// Written now, not only by the live query: the next start must find the new stamp.
	write({ ...now, stamp: current });
	const sub = liveQuery(db, (d) => describe(d, current)).subscribe({ next: write, error: () => undefined });
	return { loss, stop: () => sub.unsubscribe() };
}

/** The person removed the account's data on purpose: no marker, no stamp, nothing to report. */
export async function forgetHoldings(accountId: string): Promise<void> {
	writeStored('local', localKeys.holdings(accountId), null);
	writeStored('local', localKeys.evicted(accountId), null);
	await deleteMeta(metaKeys.holdingsStamp(accountId));
}
