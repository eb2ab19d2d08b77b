/**
 * Accounts that used this device, the current account, and whether one has a PIN lock. The
 * lock itself (setting, checking, clearing a PIN) is device-pin.ts, loaded when a PIN is typed:
 * every page that opens the device's database reads this file, few of them a PIN.
 */
import { openDeviceDb, type DeviceAccount } from './device-db';
import { metaKeys } from './keys';

const CURRENT_ACCOUNT_KEY = metaKeys.currentAccount;

export async function listDeviceAccounts(): Promise<DeviceAccount[]> {
	return openDeviceDb().accounts.orderBy('lastUsedAt').reverse().toArray();
}

export async function getDeviceAccount(accountId: string): Promise<DeviceAccount | undefined> {
	return openDeviceDb().accounts.get(accountId);
}

/** Adds or refreshes an account in the device's list (keeps its PIN if it has one). */
export async function rememberAccount(
	account: Pick<DeviceAccount, 'accountId' | 'displayName' | 'maskedId'>,
	now: number = Date.now()
): Promise<DeviceAccount> {
	const db = openDeviceDb();
	return db.transaction('rw', [db.accounts], async (db) => {
		const existing = await db.accounts.get(account.accountId);
		const record: DeviceAccount = {
			failedPinAttempts: 0,
			...existing,
			...account,
			lastUsedAt: now
		};
		await db.accounts.put(record);
		return record;
	});
}

export async function forgetAccount(accountId: string): Promise<void> {
	const db = openDeviceDb();
	await db.transaction('rw', [db.accounts, db.meta], async (db) => {
		await db.accounts.delete(accountId);
		// Read through this transaction: a read of its own would wait for this one to end.
		if ((await db.meta.get(CURRENT_ACCOUNT_KEY))?.value === accountId) await db.meta.delete(CURRENT_ACCOUNT_KEY);
	});
}

/** `null` = signed out (the guest space is in use). */
export async function setCurrentAccount(accountId: string | null): Promise<void> {
	const db = openDeviceDb();
	if (accountId === null) await db.meta.delete(CURRENT_ACCOUNT_KEY);
	else await db.meta.put({ key: CURRENT_ACCOUNT_KEY, value: accountId });
}

export async function getCurrentAccount(): Promise<string | null> {
	const row = await openDeviceDb().meta.get(CURRENT_ACCOUNT_KEY);
	return typeof row?.value === 'string' ? row.value : null;
}

/** Whether the account has a PIN lock (device-pin.ts sets, checks and clears it). */
export async function hasPin(accountId: string): Promise<boolean> {
	return Boolean((await getDeviceAccount(accountId))?.pinHash);
}
