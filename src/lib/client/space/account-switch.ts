/**
 * Keeps the device's idea of "who is signed in" in step with the server's session, and
 * moves between account spaces on a shared phone.
 *
 * The server is the authority on the session (HttpOnly cookie); the device remembers
 * only which space to show. `reconcileWithServer` runs on app start, after the account
 * pages and when the network comes back:
 * - server says X, device shows guest → X's space opens; guest drafts move into it
 *   (only when there are any, and the person is told so);
 * - server says X, device shows another account → X's space opens (nothing is copied);
 * - server says nobody, device shows an account → the space stays (offline work is
 *   kept) but is marked paused until that person signs in again;
 * - offline → nothing changes.
 */
import { GUEST_ACCOUNT_ID, openAccountDb } from '../db/account-db';
import { claimGuestSpace, wipeAccount, type ClaimResult } from '../db/accounts';
import { getCurrentAccount, getDeviceAccount, rememberAccount, setCurrentAccount } from '../db/device';
import { deleteMeta } from '../db/device-meta';
import { forgetHoldings } from '../db/holdings';
import { metaKeys, tabKeys, writeStored } from '../db/keys';
import { accountsApi } from '../api/accounts';
import { resumePaused } from '../db/outbox';

type SessionClient = Pick<ReturnType<typeof accountsApi>, 'session'>;
import type { SessionAccount } from '$lib/domain/wire/accounts';
import { t } from '$lib/i18n/space';
import { initSession, session, setPaused, switchAccountSpace } from './session.svelte';

export type ServerAccount = SessionAccount;

export type ReconcileOutcome =
	| { kind: 'unchanged' }
	| { kind: 'offline' }
	| { kind: 'signed-in'; account: ServerAccount; claimed: ClaimResult | null }
	| { kind: 'paused'; accountId: string }
	| { kind: 'signed-out' };

/** `null` = signed out; `undefined` = the server could not be reached or could not tell (503). */
export async function fetchServerAccount(client: SessionClient = accountsApi()): Promise<ServerAccount | null | undefined> {
	try {
		return await client.session();
	} catch {
		return undefined;
	}
}

async function guestDraftCount(): Promise<number> {
	return openAccountDb(GUEST_ACCOUNT_ID)
		.drafts.filter((d) => !d.deletedAt)
		.count();
}

/** Device side of a successful sign-in (password, code or e-ID). */
export async function adoptSignedInAccount(account: ServerAccount): Promise<ClaimResult | null> {
	const previous = await getCurrentAccount();
	await rememberAccount({ accountId: account.id, displayName: account.fullName, maskedId: account.maskedId });
	// Only a guest's work is carried over: another person's space is never merged.
	const claimed = previous === null && (await guestDraftCount()) > 0 ? await claimGuestSpace(account.id) : null;
	if (claimed?.drafts) session.notice = t('switcher.claimed', { n: claimed.drafts });
	await setCurrentAccount(account.id);
	await setPaused(account.id, false);
	await switchAccountSpace(account.id, { unlocked: true });
	return claimed;
}

/** Device side of signing out: back to the (empty) guest space; the account's data stays. */
export async function leaveAccountSpace(): Promise<void> {
	await setCurrentAccount(null);
	await switchAccountSpace(null);
}

/**
 * Brings the device in line with the server's session. `signedIn`: the person has just
 * proved who they are (password, code, e-ID) in this tab, so the space opens without its
 * PIN even when it was already this device's current account (the "Dùng mật khẩu" way out
 * of a forgotten PIN).
 */
export async function reconcileWithServer(
	options: { signedOut?: boolean; signedIn?: boolean; client?: SessionClient } = {}
): Promise<ReconcileOutcome> {
	await initSession();
	// Older releases kept the identifier being typed in this tab's storage.
	writeStored('session', tabKeys.pendingIdentifier, null);
	const [server, current] = await Promise.all([fetchServerAccount(options.client), getCurrentAccount()]);
	if (server === undefined) return { kind: 'offline' };
	if (server) {
		if (current === server.id && !session.paused) {
			// Same person; refresh the name shown in the picker in case it was edited.
			await rememberAccount({ accountId: server.id, displayName: server.fullName, maskedId: server.maskedId });
			if (options.signedIn && session.locked) await switchAccountSpace(server.id, { unlocked: true });
			await resumeSending(server.id);
			return { kind: 'unchanged' };
		}
		const claimed = await adoptSignedInAccount(server);
		await resumeSending(server.id);
		return { kind: 'signed-in', account: server, claimed };
	}
	if (current === null) return { kind: 'unchanged' };
	if (options.signedOut) {
		await leaveAccountSpace();
		return { kind: 'signed-out' };
	}
	await setPaused(current, true);
	return { kind: 'paused', accountId: current };
}

/**
 * The server knows this account again (a sign-in by form, code or e-ID, an account switch, or
 * an app start with a live session): the entries that stopped for want of a session go back
 * to the queue and are sent at once, in this page, without waiting for a reload. The sync code
 * is loaded only when something was waiting.
 */
export async function resumeSending(accountId: string): Promise<number> {
	const resumed = await resumePaused(openAccountDb(accountId)).catch(() => 0);
	if (resumed > 0 && typeof window !== 'undefined')
		void import('../sync/triggers').then(async (m) => {
			m.startOutboxSync();
			await m.registerBackgroundSync();
			await m.syncOutboxNow({ force: true, includePaused: true });
		});
	return resumed;
}

// ---------------------------------------------------------------------------
// Picking an account in the switcher: the sign-in form says whose account it is with the
// masked number the device already keeps for the picker. The full number a person typed is
// never kept outside their own database: the next person on a shared phone could read it.

export async function signInHint(accountId: string): Promise<{ displayName: string; maskedId: string } | null> {
	const account = await getDeviceAccount(accountId);
	return account ? { displayName: account.displayName, maskedId: account.maskedId } : null;
}

/** "Xoá dữ liệu trên thiết bị này": the account's database, its PIN, its picker entry and hints. */
export async function wipeAccountFromDevice(accountId: string): Promise<void> {
	await wipeAccount(accountId);
	await forgetHoldings(accountId); // removed on purpose: not a loss to report
	await deleteMeta(metaKeys.signInHint(accountId), metaKeys.paused(accountId));
	if (session.accountId === accountId) await switchAccountSpace(null);
}
