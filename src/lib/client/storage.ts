/**
 * Storage persistence and space. Browsers may evict IndexedDB of a site under storage
 * pressure unless it is "persisted"; a citizen's draft must not vanish that way, so the
 * app asks for persistence and checks free space before accepting large files.
 * Every function here is safe where the APIs are missing (older Safari, private modes,
 * Node): it reports 'unsupported' / unknown instead of throwing.
 */
import type { AccountDb } from './db/account-db';

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

function storageManager(): StorageManager | undefined {
	return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Asks the browser to keep this site's data (Chromium grants it silently to installed PWAs). */
export async function requestPersistence(): Promise<PersistenceResult> {
	const storage = storageManager();
	if (typeof storage?.persist !== 'function') return 'unsupported';
	try {
		if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
		return (await storage.persist()) ? 'granted' : 'denied';
	} catch {
		return 'unsupported';
	}
}

export interface StorageEstimate {
	/** Bytes used by this site; undefined when the browser does not say. */
	usage?: number;
	quota?: number;
	/** quota − usage. */
	available?: number;
}

export async function storageEstimate(): Promise<StorageEstimate> {
	const storage = storageManager();
	if (typeof storage?.estimate !== 'function') return {};
	try {
		const { usage, quota } = await storage.estimate();
		const available = usage !== undefined && quota !== undefined ? Math.max(0, quota - usage) : undefined;
		return { usage, quota, available };
	} catch {
		return {};
	}
}

export const LOW_SPACE_BYTES = 50 * 1024 * 1024;
export const LOW_SPACE_RATIO = 0.1;

/**
 * Whether to warn before storing `neededBytes` more: less than 50 MB or less than 10 %
 * of the quota would be left afterwards. Unknown space is not "low" (do not block
 * people on browsers that do not report it; the write itself will fail loudly).
 */
export function isSpaceLow(estimate: StorageEstimate, neededBytes = 0): boolean {
	const { quota, available } = estimate;
	if (available === undefined || quota === undefined) return false;
	const left = available - neededBytes;
	return left < LOW_SPACE_BYTES || left < quota * LOW_SPACE_RATIO;
}

/**
 * Approximate bytes an account's drafts take: UTF-8 length of the drafts as JSON plus the
 * sizes of the stored files. IndexedDB's own overhead is not counted.
 */
export async function draftsUsageBytes(db: AccountDb): Promise<number> {
	const encoder = new TextEncoder();
	let bytes = 0;
	await db.drafts.each((draft) => {
		bytes += encoder.encode(JSON.stringify(draft)).byteLength;
	});
	await db.blobs.each((blob) => {
		bytes += blob.size;
	});
	return bytes;
}
