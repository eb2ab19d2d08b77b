/**
 * Watching a device database from a page or component, the one way: a live query that calls
 * back now and after every committed write to a table it read, in this tab or another.
 *
 * A component usually has only the pending database (`accountDb()` waits for the space to open
 * and, on a shared phone, for the PIN). The watch therefore takes the promise and hands back
 * `stop` at once: stopped before the database is there, it never subscribes. (Assigning `stop`
 * only after the await left a component that was removed in between subscribed for good, its
 * callbacks still writing into a dead page.)
 */
import type { AccountDb } from './account-db';
import { onChange, type Database } from './idb';

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
		subscription = liveQuery(ready, query).subscribe({ next: (value) => callback(value, ready), error: onError });
	}, onError);
	return () => {
		stopped = true;
		subscription?.unsubscribe();
	};
}

/** A callback that throws must not end the watch. */
function report<V>(callback: (value: V) => void, value: V) {
	try {
		callback(value);
	} catch (e) {
		console.error(e);
	}
}

/**
 * Runs `query` now and again after each write committed to a table it read (the tables are
 * noted as it reaches them through the handle it is given, so a query names its tables as
 * `db.drafts`, not as strings). Runs never overlap: writes during
 * a run make one more run after it. An error is reported and the watch goes on.
 */
export function liveQuery<D extends Database, T>(db: D, query: (db: D) => Promise<T>) {
	return {
		subscribe({ next, error }: { next: (value: T) => void; error: (e: unknown) => void }) {
			let closed = false;
			let running = false;
			let again = false;
			let read = new Set<string>();
			const tableNames = new Set(db.tables.map((t) => t.name));
			const run = async () => {
				if (running) return void (again = true);
				running = true;
				try {
					do {
						again = false;
						const seen = new Set<string>();
						const noting = new Proxy(db, {
							get(target, prop, receiver) {
								if (typeof prop === 'string' && tableNames.has(prop)) seen.add(prop);
								if (prop === 'tables') for (const n of tableNames) seen.add(n);
								return Reflect.get(target, prop, receiver);
							}
						});
						let value: T;
						try {
							value = await query(noting);
						} catch (e) {
							read = seen;
							if (!closed) report(error, e);
							continue;
						}
						read = seen;
						if (!closed) report(next, value);
					} while (again && !closed);
				} finally {
					running = false;
				}
			};
			const stop = onChange(db.name, (tables) => {
				if (closed) return;
				// A write during a run may have come after its reads: one more run, whatever it touched.
				if (running) again = true;
				else if (tables.some((t) => read.has(t))) void run();
			});
			void run();
			return {
				unsubscribe() {
					closed = true;
					stop();
				}
			};
		}
	};
}
