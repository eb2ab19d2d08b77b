/**
 * Watching the account's database from a page or component, the one way: a Dexie live query
 * that calls back now and after every change, in this tab or another.
 *
 * A component usually has only the pending database (`accountDb()` waits for the space to open
 * and, on a shared phone, for the PIN). The watch therefore takes the promise and hands back
 * `stop` at once: stopped before the database is there, it never subscribes. (Assigning `stop`
 * only after the await left a component that was removed in between subscribed for good, its
 * callbacks still writing into a dead page.)
 */
import { liveQuery } from 'dexie';
import type { AccountDb } from './account-db';

export interface Unsubscribe {
	(): void;
}

export type PendingDb = AccountDb | Promise<AccountDb>;

const logError = (error: unknown) => console.error(error);

export function watchLive<T>(
	db: PendingDb,
	query: (db: AccountDb) => Promise<T>,
	callback: (value: T, db: AccountDb) => void,
	onError: (error: unknown) => void = logError
): Unsubscribe {
	let stopped = false;
	let subscription: { unsubscribe(): void } | undefined;
	Promise.resolve(db).then((ready) => {
		if (stopped) return;
		subscription = liveQuery(() => query(ready)).subscribe({ next: (value) => callback(value, ready), error: onError });
	}, onError);
	return () => {
		stopped = true;
		subscription?.unsubscribe();
	};
}
