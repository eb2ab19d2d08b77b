/**
 * Service-worker side of the outbox: on a Background Sync event tagged "dvc-outbox" the
 * worker runs the same engine as the page, for the account signed in on this device, so a
 * dossier sent with no signal leaves as soon as the phone is back online, app open or not.
 *
 * The service worker imports this file for its side effect:
 *   import '$lib/client/sync/sw-sync';
 */
/// <reference lib="webworker" />
import { getCurrentAccount } from '../db/device';
import { openAccountDb } from '../db/account-db';
import { defaultEngineDeps, runOutbox, SYNC_TAG } from './engine';
const sw = self as unknown as ServiceWorkerGlobalScope;

interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
	readonly lastChance: boolean;
}

async function syncCurrentAccount(): Promise<void> {
	const accountId = await getCurrentAccount();
	if (!accountId) return;
	// Waits behind a page that is sending (the page may be closed mid-upload: then this runner
	// takes over), so the event ends only when the work is done or could not be done.
	const result = await runOutbox(openAccountDb(accountId), defaultEngineDeps(), { force: true, wait: true });
	// Something is still waiting (the line dropped again, the server is busy): a rejected
	// promise makes the browser keep the tag and retry later with its own backoff.
	if (!result.ran || result.nextAttemptAt !== undefined) throw new Error('Outbox not empty yet');
}

sw.addEventListener('sync', (event) => {
	const e = event as SyncEvent;
	if (e.tag === SYNC_TAG) e.waitUntil(syncCurrentAccount());
});

// Periodic Background Sync, where the browser grants it (an installed app it sees used): a
// second way for the worker to finish a send with no page open.
sw.addEventListener('periodicsync' as 'sync', (event) => {
	const e = event as SyncEvent;
	if (e.tag === SYNC_TAG) e.waitUntil(syncCurrentAccount().catch(() => undefined));
});
