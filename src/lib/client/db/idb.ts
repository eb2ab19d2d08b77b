/**
 * The device databases' one door to IndexedDB: a small layer over the browser's API with the
 * few things this app asks of a database, and nothing more (Dexie did this before; it was the
 * largest file of the form page on 2G, ≈ 31 KB gzip, for ≈ 20 of its methods).
 *
 * - Tables: get, put, add, update, delete, their bulk forms, count, toArray, where(index) with
 *   equals / anyOf / startsWith / below / above, orderBy(index), reverse, filter.
 * - Transactions are explicit: `db.transaction('rw', [db.a, db.b], async (tx) => …)` hands the
 *   body `tx`, the same database seen through one IndexedDB transaction. The body and the
 *   helpers it calls use `tx`, never a global handle; a table outside the transaction throws.
 *   As with any IndexedDB transaction, the body may await only its own reads and writes: an
 *   await of anything else (Web Crypto, the network) lets the browser commit it.
 *   A transaction called on `tx` with tables it covers is the same transaction (nesting).
 *   A write outside a transaction is one transaction of its own, resolved once committed.
 * - Versions keep Dexie's layout, so the databases already on phones open unchanged: store
 *   specs in Dexie's syntax ('primaryKey, index, index'), the IndexedDB version is the
 *   declared version × 10, indexes are named by their key path, an upgrade function per version.
 * - `watch` (live.ts) calls back now and after every committed write to a table the query read,
 *   in this tab (any handle) or in another (BroadcastChannel).
 * - A handle closes itself when another tab deletes or upgrades the database, and opens again
 *   on its next use; `close()` does the same.
 */

export interface DbDeps {
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

export type Mode = 'r' | 'rw';
type TableRef = { readonly name: string } | string;
type Spec = Record<string, string>;
type Upgrade = (tx: Database) => Promise<unknown> | unknown;

interface Version {
	version: number;
	stores: Spec;
	upgrade?: Upgrade;
}

/** How one operation reaches a store: its own transaction, or the one it is part of. */
interface Scope {
	run<T>(stores: string[], mode: Mode, work: (tx: IDBTransaction) => Promise<T>): Promise<T>;
}

/** An IndexedDB request as a promise. A failure is handed to the caller, who decides whether the transaction fails. */
function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = (event) => {
			event.preventDefault();
			event.stopPropagation();
			reject(req.error);
		};
	});
}

const idbMode = (mode: Mode): IDBTransactionMode => (mode === 'r' ? 'readonly' : 'readwrite');
const tableName = (t: TableRef) => (typeof t === 'string' ? t : t.name);

/** Dexie's spec of a store: the first entry is the primary key path, the others index key paths. */
function parseSpec(spec: string): { keyPath: string; indexes: string[] } {
	const [keyPath, ...indexes] = spec.split(',').map((s) => s.trim()).filter(Boolean);
	if (!keyPath || /[&*+[\]]/.test(spec)) throw new Error(`Store spec not supported here: "${spec}"`);
	return { keyPath, indexes };
}

// ------------------------------------------------------------------ changes between handles and tabs

type Listener = (tables: string[]) => void;
const listeners = new Map<string, Set<Listener>>();
const channels = new Map<string, BroadcastChannel | null>();

/** One channel per database name in this page: it never hears its own posts, so nothing is told twice. */
function channel(name: string): BroadcastChannel | null {
	if (!channels.has(name)) {
		let ch: BroadcastChannel | null = null;
		if (typeof BroadcastChannel !== 'undefined') {
			ch = new BroadcastChannel(`dvc-db-changes:${name}`);
			ch.onmessage = (e: MessageEvent<{ tables?: unknown }>) => {
				if (Array.isArray(e.data?.tables)) tell(name, e.data.tables.map(String));
			};
			// Node (unit tests): a channel must not keep the process alive.
			(ch as unknown as { unref?: () => void }).unref?.();
		}
		channels.set(name, ch);
	}
	return channels.get(name)!;
}

function tell(name: string, tables: string[]) {
	for (const l of [...(listeners.get(name) ?? [])]) l(tables);
}

function changed(name: string, tables: string[]) {
	if (!tables.length) return;
	tell(name, tables);
	channel(name)?.postMessage({ tables });
}

/** Calls `listener` with the tables of every write committed to the database `name`, here or in another tab. */
export function onChange(name: string, listener: Listener): () => void {
	channel(name);
	let set = listeners.get(name);
	if (!set) listeners.set(name, (set = new Set()));
	set.add(listener);
	return () => void set.delete(listener);
}

// ------------------------------------------------------------------ collections

interface Range {
	index?: string;
	/** Undefined = every record; several = anyOf. */
	ranges?: (IDBKeyRange | IDBValidKey)[];
}

export class Collection<T> {
	private reversed = false;
	private readonly filters: ((value: T) => boolean)[] = [];

	constructor(
		private readonly table: Table<T, IDBValidKey>,
		private readonly range: Range
	) {}

	reverse(): this {
		this.reversed = !this.reversed;
		return this;
	}

	filter(test: (value: T) => boolean): this {
		this.filters.push(test);
		return this;
	}

	private source(tx: IDBTransaction) {
		const store = tx.objectStore(this.table.name);
		return this.range.index ? store.index(this.range.index) : store;
	}

	private async read<R>(tx: IDBTransaction, get: (source: IDBObjectStore | IDBIndex, range?: IDBKeyRange | IDBValidKey) => IDBRequest<R[]>): Promise<R[]> {
		const source = this.source(tx);
		if (!this.range.ranges) return request(get(source));
		const parts = await Promise.all(this.range.ranges.map((r) => request(get(source, r))));
		return parts.flat();
	}

	toArray(): Promise<T[]> {
		return this.table.scope.run([this.table.name], 'r', async (tx) => {
			let all = (await this.read(tx, (s, r) => s.getAll(r) as IDBRequest<T[]>)).filter((v) => this.filters.every((f) => f(v)));
			if (this.reversed) all = all.reverse();
			return all;
		});
	}

	async first(): Promise<T | undefined> {
		return (await this.toArray())[0];
	}

	async each(callback: (value: T) => void): Promise<void> {
		for (const v of await this.toArray()) callback(v);
	}

	async count(): Promise<number> {
		if (this.filters.length) return (await this.toArray()).length;
		return this.table.scope.run([this.table.name], 'r', async (tx) => {
			const source = this.source(tx);
			const counts = await Promise.all((this.range.ranges ?? [undefined]).map((r) => request(source.count(r))));
			return counts.reduce((a, b) => a + b, 0);
		});
	}

	/** Primary keys, in this collection's order (with no filter). */
	primaryKeys(): Promise<IDBValidKey[]> {
		if (this.filters.length) throw new Error('primaryKeys() after filter() is not supported');
		return this.table.scope.run([this.table.name], 'r', async (tx) => {
			const keys = await this.read(tx, (s, r) => s.getAllKeys(r));
			return this.reversed ? keys.reverse() : keys;
		});
	}

	/** Deletes the records of the collection; returns how many. */
	delete(): Promise<number> {
		return this.table.scope.run([this.table.name], 'rw', async (tx) => {
			const store = tx.objectStore(this.table.name);
			const keyPath = store.keyPath as string;
			const values = (await this.read(tx, (s, r) => s.getAll(r) as IDBRequest<T[]>)).filter((v) => this.filters.every((f) => f(v)));
			await Promise.all(values.map((v) => request(store.delete((v as Record<string, IDBValidKey>)[keyPath]))));
			return values.length;
		});
	}
}

export class WhereClause<T> {
	constructor(
		private readonly table: Table<T, IDBValidKey>,
		private readonly index: string
	) {}

	private on(ranges: (IDBKeyRange | IDBValidKey)[]) {
		return new Collection<T>(this.table, { index: this.table.isPrimary(this.index) ? undefined : this.index, ranges });
	}

	equals(value: IDBValidKey) {
		return this.on([value]);
	}

	anyOf(values: readonly IDBValidKey[]) {
		const factory = this.table.db.factory;
		const sorted = [...new Set(values)].sort((a, b) => factory.cmp(a, b));
		return this.on(sorted);
	}

	startsWith(prefix: string) {
		return this.on([this.table.db.keyRange.bound(prefix, prefix + '\uffff', false, false)]);
	}

	below(value: IDBValidKey) {
		return this.on([this.table.db.keyRange.upperBound(value, true)]);
	}

	above(value: IDBValidKey) {
		return this.on([this.table.db.keyRange.lowerBound(value, true)]);
	}
}

// ------------------------------------------------------------------ tables

/** Sets a change: `undefined` removes the property (as Dexie did), a dotted path reaches into an object. */
function applyChanges(record: Record<string, unknown>, changes: Record<string, unknown>) {
	for (const [path, value] of Object.entries(changes)) {
		const parts = path.split('.');
		let target = record;
		for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
		const last = parts[parts.length - 1]!;
		if (value === undefined) delete target[last];
		else target[last] = value;
	}
}

export class Table<T, K extends IDBValidKey = IDBValidKey> {
	constructor(
		readonly db: Database,
		readonly name: string,
		readonly scope: Scope
	) {}

	/** The primary key path (from the newest version's spec). */
	get keyPath(): string {
		return this.db.keyPathOf(this.name);
	}

	isPrimary(index: string) {
		return index === this.keyPath;
	}

	private write<R>(work: (store: IDBObjectStore) => Promise<R>): Promise<R> {
		return this.scope.run([this.name], 'rw', (tx) => work(tx.objectStore(this.name)));
	}

	private readOne<R>(work: (store: IDBObjectStore) => Promise<R>): Promise<R> {
		return this.scope.run([this.name], 'r', (tx) => work(tx.objectStore(this.name)));
	}

	get(key: K): Promise<T | undefined> {
		return this.readOne((s) => request(s.get(key)) as Promise<T | undefined>);
	}

	bulkGet(keys: readonly K[]): Promise<(T | undefined)[]> {
		return this.readOne((s) => Promise.all(keys.map((k) => request(s.get(k)) as Promise<T | undefined>)));
	}

	put(value: T): Promise<K> {
		return this.write((s) => request(s.put(value)) as Promise<K>);
	}

	bulkPut(values: readonly T[]): Promise<void> {
		return this.write(async (s) => void (await Promise.all(values.map((v) => request(s.put(v))))));
	}

	/** Fails with a ConstraintError when a record with this key exists. */
	add(value: T): Promise<K> {
		return this.write((s) => request(s.add(value)) as Promise<K>);
	}

	bulkAdd(values: readonly T[]): Promise<void> {
		return this.write(async (s) => void (await Promise.all(values.map((v) => request(s.add(v))))));
	}

	/** Changes some properties of a stored record; returns 1, or 0 when there is none. */
	update(key: K, changes: Partial<T> | Record<string, unknown>): Promise<0 | 1> {
		return this.write(async (s) => {
			const record = (await request(s.get(key))) as Record<string, unknown> | undefined;
			if (record === undefined) return 0;
			applyChanges(record, changes as Record<string, unknown>);
			await request(s.put(record));
			return 1;
		});
	}

	delete(key: K): Promise<void> {
		return this.write(async (s) => void (await request(s.delete(key))));
	}

	bulkDelete(keys: readonly K[]): Promise<void> {
		return this.write(async (s) => void (await Promise.all(keys.map((k) => request(s.delete(k))))));
	}

	clear(): Promise<void> {
		return this.write(async (s) => void (await request(s.clear())));
	}

	count(): Promise<number> {
		return this.readOne((s) => request(s.count()));
	}

	toCollection(): Collection<T> {
		return new Collection<T>(this as unknown as Table<T, IDBValidKey>, {});
	}

	toArray(): Promise<T[]> {
		return this.toCollection().toArray();
	}

	each(callback: (value: T) => void): Promise<void> {
		return this.toCollection().each(callback);
	}

	filter(test: (value: T) => boolean): Collection<T> {
		return this.toCollection().filter(test);
	}

	where(index: string): WhereClause<T> {
		return new WhereClause<T>(this as unknown as Table<T, IDBValidKey>, index);
	}

	/** Every record, in the order of the index (records without that key are not in it). */
	orderBy(index: string): Collection<T> {
		return new Collection<T>(this as unknown as Table<T, IDBValidKey>, { index: this.isPrimary(index) ? undefined : index });
	}
}

// ------------------------------------------------------------------ the database

export class Database {
	readonly factory: IDBFactory;
	readonly keyRange: typeof IDBKeyRange;
	private readonly versions: Version[] = [];
	private opening: Promise<IDBDatabase> | undefined;
	/** The open connection, once `opening` resolved and until it is closed or let go. */
	private connection: IDBDatabase | undefined;
	/** Set on a handle seen through one transaction (see `transaction`). */
	protected readonly native: IDBTransaction | undefined;

	constructor(
		readonly name: string,
		deps: DbDeps = {}
	) {
		const factory = deps.indexedDB ?? globalThis.indexedDB;
		const keyRange = deps.IDBKeyRange ?? globalThis.IDBKeyRange;
		if (!factory || !keyRange) throw new Error('Trình duyệt này không cho lưu dữ liệu trên máy (không có IndexedDB).');
		this.factory = factory;
		this.keyRange = keyRange;
	}

	/**
	 * Declares a version (never remove one that has shipped), as `db.version(n).stores({…}).upgrade(fn)`.
	 * An upgrade may await only its own reads and writes (no Web Crypto, no timer): anything else
	 * lets the browser commit the upgrade half done, and the open is then refused.
	 */
	version(version: number) {
		return {
			stores: (stores: Spec) => {
				const entry: Version = { version, stores };
				this.versions.push(entry);
				this.versions.sort((a, b) => a.version - b.version);
				for (const name of Object.keys(stores)) this.defineTable(name);
				return { upgrade: (fn: Upgrade) => void (entry.upgrade = fn) };
			}
		};
	}

	private defineTable(name: string) {
		if (Object.prototype.hasOwnProperty.call(this, name)) return;
		Object.defineProperty(this, name, { value: new Table(this, name, this.ownScope()), enumerable: true, configurable: true });
	}

	/** The newest declared version (what Dexie called `verno`). */
	get verno(): number {
		return this.versions.at(-1)?.version ?? 0;
	}

	private get latest(): Spec {
		return this.versions.at(-1)?.stores ?? {};
	}

	keyPathOf(table: string): string {
		const spec = this.latest[table];
		if (spec === undefined) throw new Error(`No table "${table}" in ${this.name}`);
		return parseSpec(spec).keyPath;
	}

	/** The tables of the newest version (within a transaction: those it covers). */
	get tables(): Table<unknown>[] {
		return Object.keys(this.latest).map((n) => this.table(n));
	}

	table<T = unknown>(name: string): Table<T> {
		return (this as unknown as Record<string, Table<T>>)[name]!;
	}

	/** Opens (or reopens) the database, creating or upgrading its stores. */
	open(): Promise<IDBDatabase> {
		if (this.opening) return this.opening;
		const opening = this.connect(Math.round(this.verno * 10)).catch((error: unknown) => {
			// A newer release already upgraded the database (another tab took the update, or the
			// app was rolled back): open it as it is, if it still has every store this code uses.
			// Its records are read as such a release wrote them (readers skip what they cannot read).
			if ((error as DOMException)?.name !== 'VersionError') throw error;
			return this.connect(undefined);
		});
		this.opening = opening;
		opening.catch(() => this.opening === opening && (this.opening = undefined));
		return opening;
	}

	private connect(version: number | undefined): Promise<IDBDatabase> {
		return new Promise<IDBDatabase>((resolve, reject) => {
			const req = version === undefined ? this.factory.open(this.name) : this.factory.open(this.name, version);
			let upgrading: Promise<void> | undefined;
			let upgraded = false;
			req.onupgradeneeded = (event) => {
				if (version === undefined) return req.transaction?.abort(); // no database at all: nothing to open as it is
				upgrading = this.upgrade(req.result, req.transaction!, event.oldVersion / 10).then(
					() => void (upgraded = true),
					(e) => {
						try {
							req.transaction?.abort();
						} catch {
							/* already over */
						}
						reject(e);
					}
				);
			};
			req.onsuccess = () => {
				const idb = req.result;
				// An upgrade that awaited anything but its own requests let the browser commit it
				// half done: refuse rather than use a database whose data was only partly moved.
				if (upgrading && !upgraded) {
					idb.close();
					return reject(new Error(`${this.name}: the upgrade did not finish in its transaction`));
				}
				const missing = Object.keys(this.latest).filter((n) => !idb.objectStoreNames.contains(n));
				if (missing.length) {
					idb.close();
					return reject(new Error(`${this.name}: no store ${missing.join(', ')}`));
				}
				// Another tab deletes or upgrades the database, or the browser closes it: let go at
				// once, and open again on the next use.
				idb.onversionchange = () => this.forget(idb);
				idb.onclose = () => this.forget(idb);
				this.connection = idb;
				resolve(idb);
			};
			req.onerror = () => reject(req.error);
			req.onblocked = () => console.warn(`${this.name}: waiting for other tabs to close the database`);
		});
	}

	private forget(idb: IDBDatabase) {
		idb.close();
		if (this.connection === idb) {
			this.connection = undefined;
			this.opening = undefined;
		}
	}

	/** Closes the handle; a later use opens it again. */
	close(): void {
		const opening = this.opening;
		this.opening = undefined;
		this.connection = undefined;
		void opening?.then((idb) => idb.close(), () => {});
	}

	/** Deletes the whole database (this handle is closed first). */
	async delete(): Promise<void> {
		this.close();
		await deleteDatabase(this.name, this.factory);
	}

	private async upgrade(idb: IDBDatabase, tx: IDBTransaction, from: number) {
		if (from === 0) {
			// A new database: the newest layout at once, no data to move.
			this.applySpec(idb, tx, this.latest);
			return;
		}
		for (const v of this.versions) {
			if (v.version <= from) continue;
			this.applySpec(idb, tx, v.stores);
			if (v.upgrade) await v.upgrade(this.through(tx, Object.keys(v.stores)));
		}
	}

	private applySpec(idb: IDBDatabase, tx: IDBTransaction, stores: Spec) {
		for (const [name, spec] of Object.entries(stores)) {
			const { keyPath, indexes } = parseSpec(spec);
			const store = idb.objectStoreNames.contains(name) ? tx.objectStore(name) : idb.createObjectStore(name, { keyPath });
			for (const index of indexes) if (!store.indexNames.contains(index)) store.createIndex(index, index);
			for (const index of [...store.indexNames]) if (!indexes.includes(index)) store.deleteIndex(index);
		}
	}

	private ownScope(): Scope {
		return {
			run: (stores, mode, work) => (this.native ? this.inTransaction(stores, mode, work) : this.inNew(stores, mode, work))
		};
	}

	/** Runs `work` in a new IndexedDB transaction; resolves once it committed, and tells the watches. */
	private async inNew<T>(stores: string[], mode: Mode, work: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
		let tx: IDBTransaction;
		try {
			tx = (await this.open()).transaction(stores, idbMode(mode));
		} catch (error) {
			// The browser closed the connection under us (a phone that put the app in the
			// background, storage cleared) without telling: open again once.
			if ((error as DOMException)?.name !== 'InvalidStateError') throw error;
			this.close();
			tx = (await this.open()).transaction(stores, idbMode(mode));
		}
		const done = committed(tx);
		let result: T;
		try {
			result = await work(tx);
		} catch (error) {
			abort(tx, done);
			throw error;
		}
		await done;
		if (mode === 'rw') changed(this.name, stores);
		return result;
	}

	private inTransaction<T>(stores: string[], mode: Mode, work: (tx: IDBTransaction) => Promise<T>): Promise<T> {
		assertCovered(this.native!, stores, mode);
		return work(this.native!);
	}

	/** This database seen through `tx`: its tables are `tx`'s stores, anything else throws. */
	private through(tx: IDBTransaction, stores: string[]): this {
		const view = Object.create(this) as this;
		Object.defineProperty(view, 'native', { value: tx });
		for (const name of Object.keys(this.latest)) {
			if (stores.includes(name)) Object.defineProperty(view, name, { value: new Table(view, name, view.ownScope()), enumerable: true });
			else
				Object.defineProperty(view, name, {
					get: () => {
						throw new Error(`Table ${name} is not part of this transaction`);
					}
				});
		}
		Object.defineProperty(view, 'tables', { get: () => stores.map((n) => view.table(n)) });
		return view;
	}

	/**
	 * Runs `body` in one IndexedDB transaction over `tables` and resolves with its result once
	 * committed. `body` gets the database seen through the transaction. It fails as a whole when
	 * `body` throws (nothing it wrote stays). Called on a transaction's view with tables it
	 * covers, it is that same transaction.
	 */
	async transaction<R>(mode: Mode, tables: TableRef | TableRef[], body: (tx: this) => Promise<R> | R): Promise<R> {
		const stores = [...new Set((Array.isArray(tables) ? tables : [tables]).map(tableName))];
		if (this.native) {
			assertCovered(this.native, stores, mode);
			return body(this);
		}
		return this.inNew(stores, mode, (tx) => body(this.through(tx, stores)));
	}
}

/** Refuses work on `stores` in `mode` that the enclosing transaction `tx` does not cover. */
function assertCovered(tx: IDBTransaction, stores: string[], mode: Mode) {
	const missing = stores.filter((s) => !tx.objectStoreNames.contains(s));
	if (missing.length) throw new Error(`Table ${missing.join(', ')} is not part of this transaction`);
	if (mode === 'rw' && tx.mode === 'readonly') throw new Error('A write in a read-only transaction');
}

/** Resolves when `tx` commits, rejects when it aborts (a quota error at commit, another failure). */
function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
	});
}

function abort(tx: IDBTransaction, done: Promise<void>) {
	done.catch(() => {});
	try {
		tx.abort();
	} catch {
		/* already committed or aborted */
	}
}

/** Deletes a database by name (waits while another tab still has it open and has not let go). */
export function deleteDatabase(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = factory.deleteDatabase(name);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
	});
}
