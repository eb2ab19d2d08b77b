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
	const result = await runOutbox(openAccountDb(accountId), defaultEngineDeps(), { force: true });
	// Something is still waiting (the line dropped again): a rejected promise makes the
	// browser retry the sync later with its own backoff.
	if (result.ran && result.nextAttemptAt !== undefined) throw new Error('Outbox not empty yet');
}

sw.addEventListener('sync', (event) => {
	const e = event as SyncEvent;
	if (e.tag === SYNC_TAG) e.waitUntil(syncCurrentAccount());
});
