import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { closeAllAccountDbs, createAccountDb, type AccountDb } from '$lib/client/db/account-db';
import { closeDeviceDb, DEVICE_DB_NAME } from '$lib/client/db/device-db';

let counter = 0;
/** A fresh account id per test, so tests never share a database. */
export function freshAccountId(prefix = 'acc'): string {
	return `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A second handle on the same database = what another tab has. */
export function otherTab(db: AccountDb): AccountDb {
	return createAccountDb(db.accountId);
}

export async function resetDatabases(): Promise<void> {
	closeAllAccountDbs();
	closeDeviceDb();
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

export const birthProcedure = { code: '1.001193', name: 'Đăng ký khai sinh' };
