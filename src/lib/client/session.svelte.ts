/**
 * Whose space this device is showing: a signed-in account's own database, or the local
 * "guest" space. Every page reads and writes through `accountDb()`, so two people on one
 * phone never see each other's drafts.
 */
import { openAccountDb, GUEST_ACCOUNT_ID, type AccountDb } from './db/account-db';
import { getCurrentAccount } from './db/device';

export const session = $state({ accountId: GUEST_ACCOUNT_ID as string, ready: false });
let init: Promise<void> | undefined;

export function initSession(): Promise<void> {
	init ??= getCurrentAccount().then(
		(id) => {
			session.accountId = id ?? GUEST_ACCOUNT_ID;
			session.ready = true;
		},
		() => {
			session.ready = true;
		}
	);
	return init;
}

export async function accountDb(): Promise<AccountDb> {
	await initSession();
	return openAccountDb(session.accountId);
}

/** After sign-in/out: switch the space the pages read from. */
export function switchAccountSpace(accountId: string | null) {
	session.accountId = accountId ?? GUEST_ACCOUNT_ID;
	session.ready = true;
	init = Promise.resolve();
}
