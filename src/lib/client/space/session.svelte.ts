/**
 * Whose space this device is showing: a signed-in account's own database, or the local
 * "guest" space. Every page reads and writes through `accountDb()`, so two people on one
 * phone never see each other's drafts.
 *
 * The current account id lives in the device database (no token, no password: the
 * session cookie is HttpOnly and never reaches script), so a signed-in person keeps
 * working offline. Two extra states:
 * - `paused`: the server said the session is gone; the data stays, sending waits for a
 *   new sign-in.
 * - `locked`: the account has a PIN on this device and it was not entered in this tab yet;
 *   `accountDb()` waits until `unlockWithPin` succeeds, so no page reads the space before.
 */
import { openAccountDb, GUEST_ACCOUNT_ID, type AccountDb } from '../db/account-db';
import { getCurrentAccount, hasPin } from '../db/device';
import type { PinCheck } from '../db/device-pin';
import { deleteMeta, getMeta, setMeta } from '../db/device-meta';
import { checkHoldings, readLoss } from '../db/holdings';
import { metaKeys, readStored, tabKeys, writeStored } from '../db/keys';
import { lossState } from './loss.svelte';

export const session = $state({
	accountId: GUEST_ACCOUNT_ID as string,
	ready: false,
	paused: false,
	locked: false,
	/** One-off message after a switch ("2 hồ sơ nháp đã được chuyển vào tài khoản của bạn"). */
	notice: ''
});
let init: Promise<void> | undefined;
/** Spaces whose marker this page keeps (each once). */
const watched = new Set<string>();
let unlockWaiters: (() => void)[] = [];

function unlockedInThisTab(accountId: string): boolean {
	return readStored('session', tabKeys.pinUnlocked(accountId)) === '1';
}

function markUnlocked(accountId: string) {
	// Private mode without storage: the PIN is asked again on the next load.
	writeStored('session', tabKeys.pinUnlocked(accountId), '1');
	session.locked = false;
	const waiters = unlockWaiters;
	unlockWaiters = [];
	for (const resolve of waiters) resolve();
}

async function openSpace(accountId: string, options: { unlocked?: boolean } = {}) {
	session.accountId = accountId;
	if (accountId === GUEST_ACCOUNT_ID) {
		session.paused = false;
		markUnlocked(accountId);
		return;
	}
	if (options.unlocked) markUnlocked(accountId);
	const [paused, pin] = await Promise.all([isPaused(accountId), hasPin(accountId).catch(() => false)]);
	session.paused = paused;
	session.locked = pin && !unlockedInThisTab(accountId);
	if (!session.locked) markUnlocked(accountId);
}

export function initSession(): Promise<void> {
	init ??= getCurrentAccount()
		.then((id) => openSpace(id ?? GUEST_ACCOUNT_ID))
		.catch(() => undefined)
		.finally(() => {
			session.ready = true;
		});
	return init;
}

/** Resolves once the current space may be read (immediately unless a PIN is pending). */
function whenUnlocked(): Promise<void> {
	return session.locked ? new Promise((resolve) => unlockWaiters.push(resolve)) : Promise.resolve();
}

export async function accountDb(): Promise<AccountDb> {
	await initSession();
	await whenUnlocked();
	const db = openAccountDb(session.accountId);
	watchSpace(db);
	return db;
}

/**
 * Notices a wipe of this space by the browser and keeps its marker current (pages only, once per
 * space). A loss is handed to the layout (space/loss.svelte.ts), which downloads what reports and
 * repairs it: nothing more is loaded at start.
 */
function watchSpace(db: AccountDb) {
	if (typeof window === 'undefined' || watched.has(db.accountId)) return;
	watched.add(db.accountId);
	void checkHoldings(db)
		.then(({ loss }) => {
			if (loss || readLoss(db.accountId)) lossState.found = { accountId: db.accountId, loss };
		})
		.catch(() => undefined);
}

/**
 * After sign-in/out: switch the space the pages read from. `unlocked`: the person just
 * proved who they are with their password, so a PIN is not asked again in this tab.
 */
export async function switchAccountSpace(accountId: string | null, options: { unlocked?: boolean } = {}): Promise<void> {
	init = openSpace(accountId ?? GUEST_ACCOUNT_ID, options).finally(() => {
		session.ready = true;
	});
	await init;
	// The page may not ask for the database again (a sign-in reconciled in the header).
	if (!session.locked) watchSpace(openAccountDb(session.accountId));
}

/** Checks the PIN of the locked current space; opens it when right. */
export async function unlockWithPin(pin: string): Promise<PinCheck> {
	// The PIN code (hashing, the lock's count) loads with the first PIN typed, not with every page.
	const { verifyPin } = await import('../db/device-pin');
	const result = await verifyPin(session.accountId, pin);
	if (result.ok) markUnlocked(session.accountId);
	return result;
}

export async function isPaused(accountId: string): Promise<boolean> {
	return Boolean(await getMeta(metaKeys.paused(accountId)));
}

/** "Paused: sign in again to send" — set when the server no longer knows the session. */
export async function setPaused(accountId: string, paused: boolean): Promise<void> {
	if (paused) await setMeta(metaKeys.paused(accountId), true);
	else await deleteMeta(metaKeys.paused(accountId));
	if (session.accountId === accountId) session.paused = paused;
}
