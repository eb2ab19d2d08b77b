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
import { GUEST_ACCOUNT_ID, openAccountDb } from './db/account-db';
import { claimGuestSpace, wipeAccount, type ClaimResult } from './db/accounts';
import { getCurrentAccount, rememberAccount, setCurrentAccount } from './db/device';
import { openDeviceDb } from './db/device-db';
import { initSession, session, setPaused, switchAccountSpace } from './session.svelte';

export interface ServerAccount {
	id: string;
	fullName: string;
	maskedId: string;
	role: 'citizen' | 'officer' | 'admin';
	agencyCode: string | null;
}

export type ReconcileOutcome =
	| { kind: 'unchanged' }
	| { kind: 'offline' }
	| { kind: 'signed-in'; account: ServerAccount; claimed: ClaimResult | null }
	| { kind: 'paused'; accountId: string }
	| { kind: 'signed-out' };

/** `null` = signed out; `undefined` = the server could not be reached. */
export async function fetchServerAccount(fetcher: typeof fetch = fetch): Promise<ServerAccount | null | undefined> {
	try {
		const response = await fetcher('/api/session', { cache: 'no-store', credentials: 'same-origin' });
		if (!response.ok) return undefined;
		const body = (await response.json()) as { account: ServerAccount | null };
		return body.account;
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
	const hint = takePendingIdentifier();
	if (hint) await setSignInHint(account.id, hint);
	// Only a guest's work is carried over: another person's space is never merged.
	const claimed = previous === null && (await guestDraftCount()) > 0 ? await claimGuestSpace(account.id) : null;
	if (claimed?.drafts) session.notice = `${claimed.drafts} hồ sơ nháp bạn làm khi chưa đăng nhập đã được chuyển vào tài khoản của bạn.`;
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
	options: { signedOut?: boolean; signedIn?: boolean; fetcher?: typeof fetch } = {}
): Promise<ReconcileOutcome> {
	await initSession();
	const [server, current] = await Promise.all([fetchServerAccount(options.fetcher), getCurrentAccount()]);
	if (server === undefined) return { kind: 'offline' };
	if (server) {
		if (current === server.id && !session.paused) {
			// Same person; refresh the name shown in the picker in case it was edited.
			await rememberAccount({ accountId: server.id, displayName: server.fullName, maskedId: server.maskedId });
			if (options.signedIn && session.locked) await switchAccountSpace(server.id, { unlocked: true });
			return { kind: 'unchanged' };
		}
		return { kind: 'signed-in', account: server, claimed: await adoptSignedInAccount(server) };
	}
	if (current === null) return { kind: 'unchanged' };
	if (options.signedOut) {
		await leaveAccountSpace();
		return { kind: 'signed-out' };
	}
	await setPaused(current, true);
	return { kind: 'paused', accountId: current };
}

// ---------------------------------------------------------------------------
// Pre-filling the sign-in form when a person picks their account in the switcher.
// The identifier typed at sign-in is kept on this device only (it is what the browser's
// own "remember username" would keep); never the password.

const PENDING_IDENTIFIER = 'dvc-signin-identifier';
const hintKey = (accountId: string) => `signin-hint:${accountId}`;

/** Called as the sign-in form is sent; paired with the account id once the server answers. */
export function notePendingIdentifier(identifier: string) {
	try {
		sessionStorage.setItem(PENDING_IDENTIFIER, identifier.trim());
	} catch {
		/* storage unavailable: no pre-fill next time */
	}
}

function takePendingIdentifier(): string | null {
	try {
		const value = sessionStorage.getItem(PENDING_IDENTIFIER);
		sessionStorage.removeItem(PENDING_IDENTIFIER);
		return value || null;
	} catch {
		return null;
	}
}

async function setSignInHint(accountId: string, identifier: string) {
	await openDeviceDb().meta.put({ key: hintKey(accountId), value: identifier });
}

export async function signInHint(accountId: string): Promise<string | null> {
	const row = await openDeviceDb().meta.get(hintKey(accountId));
	return typeof row?.value === 'string' ? row.value : null;
}

/** "Xoá dữ liệu trên thiết bị này": the account's database, its PIN, its picker entry and hints. */
export async function wipeAccountFromDevice(accountId: string): Promise<void> {
	await wipeAccount(accountId);
	const meta = openDeviceDb().meta;
	await Promise.all([meta.delete(hintKey(accountId)), meta.delete(`paused:${accountId}`)]);
	if (session.accountId === accountId) await switchAccountSpace(null);
}
