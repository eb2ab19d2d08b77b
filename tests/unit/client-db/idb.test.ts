/**
 * The device databases' layer over IndexedDB (client/db/idb.ts), which replaced Dexie: the
 * databases phones already hold (written by Dexie) open unchanged, Dexie can still read what it
 * writes, transactions are all or nothing, and a watch runs again only for the tables it read.
 */
import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { accountDbName, createAccountDb, openAccountDb } from '$lib/client/db/account-db';
import { ACCOUNT_STORES_V1, ACCOUNT_STORES_V2, ACCOUNT_STORES_V3, ACCOUNT_STORES_V4 } from '$lib/client/db/schema';
import { createDraft } from '$lib/client/db/drafts';
import { liveQuery } from '$lib/client/db/live';
import { Database } from '$lib/client/db/idb';
import { birthProcedure, freshAccountId, otherTab, resetDatabases } from './helpers';

afterEach(resetDatabases);

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('the same databases as Dexie wrote', () => {
	it('a database the layer creates has Dexie\'s layout: Dexie with the same versions reads it by its indexes', async () => {
		const accountId = freshAccountId();
		const db = createAccountDb(accountId);
		const draft = await createDraft(db, { procedure: birthProcedure, answers: { childName: 'An' } });
		const idb = await db.open();
		expect(idb.version).toBe(40);
		expect([...idb.transaction('drafts').objectStore('drafts').indexNames].sort()).toEqual(['deletedAt', 'procedureCode', 'updatedAt']);
		db.close();

		const dexie = new Dexie(accountDbName(accountId));
		dexie.version(1).stores(ACCOUNT_STORES_V1);
		dexie.version(2).stores(ACCOUNT_STORES_V2);
		dexie.version(3).stores(ACCOUNT_STORES_V3);
		dexie.version(4).stores(ACCOUNT_STORES_V4);
		expect(await dexie.table('drafts').where('procedureCode').equals('1.001193').toArray()).toEqual([draft]);
		dexie.close();
	});

	it('a Dexie database at the newest version opens with no upgrade and its records are found by index', async () => {
		const accountId = freshAccountId();
		const dexie = new Dexie(accountDbName(accountId));
		dexie.version(4).stores(ACCOUNT_STORES_V4);
		await dexie.table('outbox').bulkPut([
			{ id: 'e1', state: 'paused', draftId: 'd1' },
			{ id: 'e2', state: 'queued', draftId: 'd2' },
			{ id: 'e3', state: 'received', draftId: 'd1' }
		]);
		dexie.close();
		const db = createAccountDb(accountId);
		expect((await db.outbox.where('draftId').equals('d1').toArray()).map((e) => e.id)).toEqual(['e1', 'e3']);
		expect((await db.outbox.where('state').anyOf(['queued', 'paused']).toArray()).map((e) => e.id)).toEqual(['e1', 'e2']);
		expect(await db.outbox.where('state').equals('paused').count()).toBe(1);
		db.close();
	});
});

describe('transactions', () => {
	it('are all or nothing: a body that throws after writing leaves nothing written', async () => {
		const db = openAccountDb(freshAccountId());
		await db.receipts.put({ id: 'r0' } as never);
		const failed = db.transaction('rw', [db.receipts, db.outbox], async (tx) => {
			await tx.receipts.put({ id: 'r1' } as never);
			await tx.receipts.delete('r0');
			await tx.outbox.put({ id: 'o1', state: 'queued', draftId: 'd' } as never);
			throw new Error('refused halfway');
		});
		await expect(failed).rejects.toThrow('refused halfway');
		expect((await db.receipts.toArray()).map((r) => r.id)).toEqual(['r0']);
		expect(await db.outbox.count()).toBe(0);
	});

	it('a write refused by the database (a duplicate key) fails the transaction unless the body handles it', async () => {
		const db = openAccountDb(freshAccountId());
		await db.receipts.add({ id: 'r1' } as never);
		await expect(db.receipts.add({ id: 'r1' } as never)).rejects.toMatchObject({ name: 'ConstraintError' });
		await expect(
			db.transaction('rw', [db.receipts], async (tx) => {
				await tx.receipts.put({ id: 'r2' } as never);
				await tx.receipts.add({ id: 'r1' } as never);
			})
		).rejects.toMatchObject({ name: 'ConstraintError' });
		expect(await db.receipts.get('r2')).toBeUndefined();
		await db.transaction('rw', [db.receipts], async (tx) => {
			await tx.receipts.add({ id: 'r1' } as never).catch(() => undefined);
			await tx.receipts.put({ id: 'r3' } as never);
		});
		expect((await db.receipts.toArray()).map((r) => r.id)).toEqual(['r1', 'r3']);
	});

	it('a table outside the transaction is refused, and a nested one with covered tables is the same transaction', async () => {
		const db = openAccountDb(freshAccountId());
		await expect(db.transaction('rw', [db.receipts], async (tx) => tx.outbox.count())).rejects.toThrow('not part of this transaction');
		await expect(db.transaction('r', [db.receipts], (tx) => tx.transaction('rw', [tx.receipts], () => 1))).rejects.toThrow('read-only');
		await expect(db.transaction('rw', [db.receipts], (tx) => tx.transaction('rw', ['outbox'], () => 1))).rejects.toThrow('not part of this transaction');
		const inner = await db.transaction('rw', [db.receipts, db.outbox], (tx) => tx.transaction('rw', [tx.receipts], async (same) => (await same.receipts.put({ id: 'n' } as never), same === tx)));
		expect(inner).toBe(true);
		expect(await db.receipts.get('n')).toEqual({ id: 'n' });
	});

	it('update removes a property set to undefined and says whether there was a record', async () => {
		const db = openAccountDb(freshAccountId());
		await db.receipts.put({ id: 'r', lastStatus: { status: 1 }, note: 'x' } as never);
		expect(await db.receipts.update('r', { note: undefined, 'lastStatus.status': 2 } as never)).toBe(1);
		expect(await db.receipts.get('r')).toEqual({ id: 'r', lastStatus: { status: 2 } });
		expect(await db.receipts.update('missing', { note: 'y' } as never)).toBe(0);
	});

	it('queries by index in order, reversed, filtered, by prefix and by bounds; deletes a range', async () => {
		const db = openAccountDb(freshAccountId());
		const at = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
		await db.drafts.bulkPut(
			[1, 3, 2, 5, 4].map((d) => ({ id: `d${d}`, procedureCode: d % 2 ? 'odd' : 'even', updatedAt: at(d), ...(d > 3 ? { deletedAt: at(d) } : {}) }) as never)
		);
		expect((await db.drafts.orderBy('updatedAt').reverse().filter((d) => !d.deletedAt).toArray()).map((d) => d.id)).toEqual(['d3', 'd2', 'd1']);
		expect((await db.drafts.where('deletedAt').above('').toArray()).map((d) => d.id)).toEqual(['d4', 'd5']);
		expect((await db.drafts.where('id').startsWith('d').primaryKeys()).length).toBe(5);
		expect((await db.drafts.where('procedureCode').equals('even').first())?.id).toBe('d2');
		expect(await db.drafts.where('deletedAt').below(at(5)).delete()).toBe(1);
		expect((await db.drafts.toCollection().primaryKeys()).sort()).toEqual(['d1', 'd2', 'd3', 'd5']);
	});
});

/** Watches the receipts' count of `db`; `seen` lists every value it delivered. */
function watchCount(db: ReturnType<typeof openAccountDb>) {
	const seen: number[] = [];
	const sub = liveQuery(db, (d) => d.receipts.count()).subscribe({ next: (n) => seen.push(n), error: () => {} });
	return { seen, stop: () => sub.unsubscribe() };
}

describe('watches', () => {
	it('run again after a write to a table they read, in this handle or another tab\'s, and not for other tables', async () => {
		const db = openAccountDb(freshAccountId());
		const { seen, stop } = watchCount(db);
		await settle();
		expect(seen).toEqual([0]);
		await db.outbox.put({ id: 'o', state: 'queued', draftId: 'd' } as never);
		await settle();
		expect(seen).toEqual([0]);
		await db.receipts.put({ id: 'r1' } as never);
		await settle();
		await otherTab(db).receipts.put({ id: 'r2' } as never);
		await settle();
		expect(seen).toEqual([0, 1, 2]);
		stop();
		await db.receipts.put({ id: 'r3' } as never);
		await settle();
		expect(seen).toEqual([0, 1, 2]);
	});

	it('a transaction\'s writes are seen once, after it committed, and not at all when it failed', async () => {
		const db = openAccountDb(freshAccountId());
		const { seen, stop } = watchCount(db);
		await settle();
		await db.transaction('rw', [db.receipts], async (tx) => {
			await tx.receipts.put({ id: 'a' } as never);
			await tx.receipts.put({ id: 'b' } as never);
		});
		await settle();
		await db.transaction('rw', [db.receipts], async (tx) => {
			await tx.receipts.put({ id: 'c' } as never);
			throw new Error('no');
		}).catch(() => {});
		await settle();
		expect(seen).toEqual([0, 2]);
		stop();
	});
});

describe('watches, racing', () => {
	it('a write while the first run is still reading is not missed', async () => {
		const db = openAccountDb(freshAccountId());
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		let first = true;
		const seen: number[] = [];
		const sub = liveQuery(db, async (d) => {
			const n = await d.receipts.count();
			if (first) (first = false), await gate;
			return n;
		}).subscribe({ next: (n) => seen.push(n), error: () => {} });
		await settle();
		await db.receipts.put({ id: 'r' } as never);
		release();
		await settle();
		expect(seen).toEqual([0, 1]);
		sub.unsubscribe();
	});
});

describe('a database this code did not expect', () => {
	it('a newer release\'s database (another tab took the update) opens as it is while it has every store', async () => {
		const accountId = freshAccountId();
		const newer = new Dexie(accountDbName(accountId));
		newer.version(5).stores({ ...ACCOUNT_STORES_V4, later: 'id' });
		await newer.table('receipts').put({ id: 'r' });
		newer.close();
		const db = createAccountDb(accountId);
		expect(await db.receipts.get('r')).toEqual({ id: 'r' });
		await db.receipts.put({ id: 'r2' } as never);
		expect((await db.open()).version).toBe(50);
		db.close();

		const stripped = new Dexie(accountDbName(accountId));
		stripped.version(6).stores({ documents: null });
		await stripped.open();
		stripped.close();
		await expect(createAccountDb(accountId).receipts.count()).rejects.toThrow(/no store .*documents/);
	});

	it('an upgrade that awaits something else than its own requests is refused, not kept half done', async () => {
		const name = `half-${freshAccountId()}`;
		const v1 = new Database(name);
		v1.version(1).stores({ x: 'id' });
		await v1.table<{ id: string }>('x').bulkPut([{ id: 'a' }, { id: 'b' }]);
		v1.close();
		const v2 = new Database(name);
		v2.version(1).stores({ x: 'id' });
		v2.version(2)
			.stores({ x: 'id' })
			.upgrade(async (tx) => {
				await tx.table<{ id: string; moved?: boolean }>('x').put({ id: 'a', moved: true });
				await new Promise((r) => setTimeout(r, 20));
			});
		await expect(v2.open()).rejects.toThrow('did not finish');
		await v2.delete();
	});

	it('a connection the browser closed without telling is opened again', async () => {
		const db = openAccountDb(freshAccountId());
		await db.receipts.put({ id: 'r' } as never);
		(await db.open()).close();
		expect(await db.receipts.count()).toBe(1);
	});

	it('a watch whose callbacks throw goes on watching', async () => {
		const db = openAccountDb(freshAccountId());
		const seen: number[] = [];
		const quiet = console.error;
		console.error = () => {};
		try {
			const sub = liveQuery(db, (d) => d.receipts.count()).subscribe({
				next: (n) => {
					seen.push(n);
					throw new Error('a broken page');
				},
				error: () => {
					throw new Error('and a broken error handler');
				}
			});
			await settle();
			await db.receipts.put({ id: 'r' } as never);
			await settle();
			expect(seen).toEqual([0, 1]);
			sub.unsubscribe();
		} finally {
			console.error = quiet;
		}
	});
});

describe('other tabs', () => {
	it('deleting the database closes this tab\'s handle, which opens a new, empty one on its next use', async () => {
		const db = openAccountDb(freshAccountId());
		await db.receipts.put({ id: 'r' } as never);
		await otherTab(db).delete();
		expect(await db.receipts.count()).toBe(0);
	});
});
