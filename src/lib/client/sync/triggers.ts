/**
 * The page's triggers for the sync engine: app start, `online`, the tab becoming visible,
 * a timer at the next backoff deadline, and a Background Sync registration so the service
 * worker sends the outbox even after the app is closed (Chromium). Idempotent: every page
 * that shows or fills the outbox may call `startOutboxSync()`.
 */
import { accountDb, session, setPaused } from '../space/session.svelte';
import { GUEST_ACCOUNT_ID } from '../db/account-db';
import { localKeys, writeStored } from '../db/keys';
import { nextDueAt } from '../db/outbox';
import { defaultEngineDeps, runOutbox, SYNC_TAG, type RunOptions } from './engine';

let started = false;
let running: Promise<void> | undefined;
let again: RunOptions | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
const deps = typeof window !== 'undefined' ? defaultEngineDeps() : undefined;

/** Runs the engine now (or right after the run in progress in this tab). */
export function syncOutboxNow(opts: RunOptions = { force: true }): Promise<void> {
	if (running) {
		again = { force: again?.force || opts.force, includePaused: again?.includePaused || opts.includePaused };
		return running;
	}
	running = (async () => {
		try {
			let next: RunOptions | undefined = opts;
			while (next) {
				again = undefined;
				await runOnce(next);
				next = again;
			}
		} finally {
			running = undefined;
		}
	})();
	return running;
}

async function runOnce(opts: RunOptions) {
	if (!deps) return;
	// Resolves which account this device shows (at start-up it is not known yet).
	const db = await accountDb();
	if (session.accountId === GUEST_ACCOUNT_ID) return;
	try {
		// While anything waits, the worker holds a sync tag (its handler queues behind this run),
		// so a page closed or a browser killed mid-upload is finished by the worker.
		if ((await nextDueAt(db)) !== undefined) void registerBackgroundSync();
		const result = await runOutbox(db, deps, opts);
		if (result.nextAttemptAt !== undefined) {
			void registerBackgroundSync();
			schedule(result.nextAttemptAt, { force: false });
		}
		// Another tab or the worker holds the lock: look again shortly with the same request
		// (a resume asked for must not be dropped), in case it stops.
		if (!result.ran) schedule(Date.now() + 5_000, opts);
		// The server no longer knows the session: the header says so too, not only the entry.
		if (result.paused && !session.paused) await setPaused(db.accountId, true);
	} catch (error) {
		console.error('Outbox sync failed', error);
		schedule(Date.now() + 30_000, opts);
	}
}

function schedule(at: number, opts: RunOptions) {
	clearTimeout(timer);
	timer = setTimeout(() => void syncOutboxNow(opts), Math.max(0, at - Date.now()));
}

type SyncRegistration = ServiceWorkerRegistration & {
	sync?: { register(tag: string): Promise<void> };
	periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
};

/**
 * Asks the service worker to send the outbox when connectivity returns, even if the app is
 * closed: a one-off Background Sync tag (asked again after every backoff and at every app
 * start while something waits), and Periodic Background Sync where the browser grants it.
 */
export async function registerBackgroundSync(): Promise<void> {
	try {
		const reg = (await navigator.serviceWorker?.ready) as SyncRegistration | undefined;
		await reg?.sync?.register(SYNC_TAG);
		const periodic = await navigator.permissions?.query({ name: 'periodic-background-sync' as PermissionName }).catch(() => undefined);
		if (periodic?.state === 'granted') await reg?.periodicSync?.register(SYNC_TAG, { minInterval: 12 * 60 * 60_000 });
	} catch {
		// No Background Sync (Firefox, Safari) or no worker yet: the page triggers remain.
	}
}

export function startOutboxSync(): void {
	if (started || typeof window === 'undefined') return;
	started = true;
	// Remembered so that every later app start resumes the outbox (see +layout.svelte).
	writeStored('local', localKeys.outboxUsed, '1');
	window.addEventListener('online', () => void syncOutboxNow({ force: true }));
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void syncOutboxNow({ force: false, includePaused: true });
	});
	void syncOutboxNow({ force: true, includePaused: true });
}
