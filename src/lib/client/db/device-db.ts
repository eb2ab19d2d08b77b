/**
 * The small per-device database ("dvc-device"): which accounts used this device, their
 * PIN lock state, and device-wide settings such as the current account. It holds no
 * form data; that lives in the per-account databases (account-db.ts).
 */
import { Database, type DbDeps, type Table } from './idb';
import { metaKeys } from './keys';

export const DEVICE_DB_NAME = 'dvc-device';

export interface DeviceAccount {
	accountId: string;
	displayName: string;
	/** Identity number with most digits hidden, e.g. "0012••••••34", for the account picker. */
	maskedId: string;
	/** Epoch ms; the picker lists the most recent first. */
	lastUsedAt: number;
	/** PBKDF2-SHA256 of the PIN, base64. Absent = no PIN lock. */
	pinHash?: string;
	pinSalt?: string;
	pinIterations?: number;
	/** Wrong PINs since the last right one. */
	failedPinAttempts: number;
	/** Epoch ms until which PIN entry is refused. */
	lockedUntil?: number;
}

export interface MetaRecord {
	key: string;
	value: unknown;
}

export type DeviceDb = Database & {
	accounts: Table<DeviceAccount, string>;
	meta: Table<MetaRecord, string>;
};

export function createDeviceDb(deps: DbDeps = {}): DeviceDb {
	const db = new Database(DEVICE_DB_NAME, deps) as DeviceDb;
	// Shipped versions stay declared forever; add new ones below with an upgrade.
	db.version(1).stores({ accounts: 'accountId, lastUsedAt', meta: 'key' });
	// v2: sign-in hints held the full identifier typed (an ID number); the picker's masked one is enough.
	db.version(2)
		.stores({ accounts: 'accountId, lastUsedAt', meta: 'key' })
		.upgrade((tx) => tx.table('meta').where('key').startsWith(metaKeys.signInHintPrefix).delete());
	return db;
}

let shared: DeviceDb | undefined;

export function openDeviceDb(): DeviceDb {
	shared ??= createDeviceDb();
	return shared;
}

/** Closes the shared handle (tests delete the database between cases). */
export function closeDeviceDb(): void {
	shared?.close();
	shared = undefined;
}
