import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccountDb, type AccountDb } from '$lib/client/db/account-db';
import { addDocument, watchDocuments, type StoredDocument } from '$lib/client/db/documents';
import { watchOutbox } from '$lib/client/db/outbox';
import { freshAccountId, resetDatabases } from './helpers';

afterEach(resetDatabases);

const idCard = { typeId: 'can-cuoc', number: '001090012345', expiresOn: '2031-05-15', holder: { kind: 'self' } };
const photo = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'CCCD'], { type: 'image/jpeg' });

/** The database as a page gets it from `accountDb()`: later (space opening, PIN). */
function pendingDb(db: AccountDb) {
	let open!: () => void;
	const pending = new Promise<AccountDb>((resolve) => (open = () => resolve(db)));
	return { pending, open };
}

/** Resolves with the first list the watch sees that has `count` papers. */
function listWith(db: AccountDb | Promise<AccountDb>, count: number) {
	return new Promise<StoredDocument[]>((resolve) => {
		const stop = watchDocuments(db, (list) => {
			if (list.length !== count) return;
			stop();
			resolve(list);
		});
	});
}

describe('watching the account database from a component', () => {
	it('a component removed before its database opened never subscribes (no callback, however long the page lives)', async () => {
		const db = openAccountDb(freshAccountId());
		const { pending, open } = pendingDb(db);
		const seenByRemoved: unknown[] = [];
		const stopDocuments = watchDocuments(pending, (list) => seenByRemoved.push(list));
		const stopOutbox = watchOutbox(pending, (entries) => seenByRemoved.push(entries));
		stopDocuments(); // the component is removed while accountDb() still waits
		stopOutbox();
		open();
		await addDocument(db, { metadata: idCard, files: [{ data: photo(), name: 'cccd.jpg', pages: 1 }] });
		// A watch that stays sees the paper: by then the removed one would have been called back too.
		expect(await listWith(pending, 1)).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 50));
		expect(seenByRemoved).toEqual([]);
	});

	it('a watch on the pending database calls back once it opens, and with it, and stops after stop', async () => {
		const db = openAccountDb(freshAccountId());
		const { pending, open } = pendingDb(db);
		const seen: number[] = [];
		let handed: AccountDb | undefined;
		let first!: () => void;
		const firstList = new Promise<void>((r) => (first = r));
		const stop = watchDocuments(pending, (list, ready) => {
			seen.push(list.length);
			handed = ready;
			first();
		});
		open();
		await firstList;
		expect(seen).toEqual([0]);
		expect(handed).toBe(db);
		stop();
		await addDocument(db, { metadata: idCard, files: [{ data: photo(), name: 'cccd.jpg', pages: 1 }] });
		expect(await listWith(db, 1)).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 50));
		expect(seen).toEqual([0]);
	});
});
