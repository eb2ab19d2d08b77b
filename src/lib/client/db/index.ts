/**
 * The browser storage layer's public API. Pages import from `$lib/client/db` and never
 * reach IndexedDB or the tables (idb.ts) themselves.
 */
export { GUEST_ACCOUNT_ID, openAccountDb, closeAccountDb, type AccountDb } from './account-db';
export { claimGuestSpace, wipeAccount, type ClaimResult } from './accounts';
export { createDraftAutosaver, flushWhenHidden, type AutosaverOptions, type DraftAutosaver } from './autosave';
export { putBlob, getBlob, deleteBlob, sha256Hex, type BlobRecord } from './blobs';
export * from './device';
export * from './device-pin';
export type { DeviceAccount } from './device-db';
export * from './drafts';
export * from './profile';
export { DRAFT_SCHEMA_VERSION } from './schema';
