/**
 * Every key this app keeps outside the account databases, in one list: the device
 * database's `meta` table (which account the device shows, paused sending, sign-in hints),
 * localStorage (small flags read before any database opens) and sessionStorage (per tab).
 * Modules read and write them through these names, never by a literal. No imports: the
 * layout reads these on a first visit without loading the database code.
 */

export const metaKeys = {
	/** The account whose space the device shows; absent = the guest space. */
	currentAccount: 'currentAccount',
	/** The server said this account's session is gone: sending waits for a sign-in. */
	paused: (accountId: string) => `paused:${accountId}`,
	/** Old releases kept the typed identifier (a full ID number) here; deleted by the device database's v2. */
	signInHint: (accountId: string) => `signin-hint:${accountId}`,
	signInHintPrefix: 'signin-hint:',
	/** Matches the account's marker in localStorage while IndexedDB was not wiped (holdings.ts). */
	holdingsStamp: (accountId: string) => `holdings-stamp:${accountId}`
} as const;

/** localStorage: survives a reload, read synchronously at start. Names kept as shipped. */
export const localKeys = {
	/** This device has sent something: resume the outbox at every app start. */
	outboxUsed: 'dvc-outbox-used',
	/** 'vi' | 'en' */
	locale: 'locale',
	/** Outcome of asking for persistent storage ('granted' | 'denied' | …). */
	persistence: 'persistence',
	/** What an account's space holds (holdings.ts): how a wipe of IndexedDB by the browser is noticed. */
	holdings: (accountId: string) => `dvc-holdings:${accountId}`,
	/** A wipe noticed and not yet acknowledged by the person (space/loss.svelte.ts). */
	evicted: (accountId: string) => `dvc-evicted:${accountId}`
} as const;

/** sessionStorage: this tab only. */
export const tabKeys = {
	/** The PIN was entered for this account in this tab. */
	pinUnlocked: (accountId: string) => `dvc-pin-ok:${accountId}`,
	/** Old releases kept the identifier being signed in with here; removed at start-up. */
	pendingIdentifier: 'dvc-signin-identifier'
} as const;

type WebStorage = 'local' | 'session';
const store = (kind: WebStorage): Storage | undefined => {
	try {
		return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
	} catch {
		return undefined; // private mode, or a worker
	}
};

export function readStored(kind: WebStorage, key: string): string | null {
	try {
		return store(kind)?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

export function writeStored(kind: WebStorage, key: string, value: string | null): void {
	try {
		if (value === null) store(kind)?.removeItem(key);
		else store(kind)?.setItem(key, value);
	} catch {
		// Storage full or disabled: these are conveniences, never the only copy of anything.
	}
}
