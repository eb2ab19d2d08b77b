/**
 * One IndexedDB database per account on the device ("dvc-account-<accountId>"), so on a
 * shared phone one person's drafts are never read by another person's session, and
 * "Xoá dữ liệu trên thiết bị này" can delete a whole database at once.
 * Work done before signing in lives in the guest space (accountId "guest").
 */
import { Database, type DbDeps, type Table } from './idb';
import {
	ACCOUNT_STORES_V1,
	ACCOUNT_STORES_V2,
	ACCOUNT_STORES_V3,
	ACCOUNT_STORES_V4,
	migrateDraftV1,
	type BlobRecord,
	type Draft,
	type DraftV1,
	type ProfileRecord
} from './schema';
import type { OutboxEntry, ReceiptEntry } from './outbox-record';
import type { CachedDossier } from './dossier-cache';
import type { StoredDocument } from './document-record';

export const GUEST_ACCOUNT_ID = 'guest';
const DB_PREFIX = 'dvc-account-';

/** Account ids become part of a database name: keep them to a safe, bounded alphabet. */
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function accountDbName(accountId: string): string {
	if (!ACCOUNT_ID_PATTERN.test(accountId))
		throw new Error(`Mã tài khoản "${accountId}" không hợp lệ: chỉ gồm chữ, số, "-" hoặc "_" (tối đa 64 ký tự).`);
	return DB_PREFIX + accountId;
}

export type AccountDb = Database & {
	readonly accountId: string;
	drafts: Table<Draft, string>;
	profile: Table<ProfileRecord, string>;
	outbox: Table<OutboxEntry, string>;
	receipts: Table<ReceiptEntry, string>;
	blobs: Table<BlobRecord, string>;
	dossiers: Table<CachedDossier, string>;
	documents: Table<StoredDocument, string>;
};

export type { DbDeps };

/**
 * A new, uncached handle on an account's database, with every schema version declared.
 * Pages should use `openAccountDb`; a second handle is what a second tab has, which is
 * what the cross-tab tests need.
 */
export function createAccountDb(accountId: string, deps: DbDeps = {}): AccountDb {
	const db = new Database(accountDbName(accountId), deps) as AccountDb;
	Object.defineProperty(db, 'accountId', { value: accountId });

	// Never remove a shipped version: see schema.ts.
	db.version(1).stores(ACCOUNT_STORES_V1);
	db.version(2)
		.stores(ACCOUNT_STORES_V2)
		.upgrade(async (tx) => {
			const now = new Date().toISOString();
			const drafts = tx.table<DraftV1 | Draft>('drafts');
			await drafts.bulkPut((await drafts.toArray()).map((record) => migrateDraftV1(record as DraftV1, now)));
		});
	// v3 only adds a table: nothing to move.
	db.version(3).stores(ACCOUNT_STORES_V3);
	db.version(4).stores(ACCOUNT_STORES_V4);
	return db;
}

const cache = new Map<string, AccountDb>();

/** The shared handle on an account's database (opened on first use). */
export function openAccountDb(accountId: string): AccountDb {
	let db = cache.get(accountId);
	if (!db) {
		db = createAccountDb(accountId);
		cache.set(accountId, db);
	}
	return db;
}

/** Closes and forgets the cached handle (before deleting the database, or in tests). */
export function closeAccountDb(accountId: string): void {
	cache.get(accountId)?.close();
	cache.delete(accountId);
}

export function closeAllAccountDbs(): void {
	for (const id of [...cache.keys()]) closeAccountDb(id);
}
