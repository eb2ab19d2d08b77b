import './helpers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { closeAllAccountDbs, openAccountDb } from '$lib/client/db/account-db';
import { closeDeviceDb } from '$lib/client/db/device-db';
import { createDraft, deleteDraft } from '$lib/client/db/drafts';
import { checkHoldings, forgetHoldings, readHoldings, readLoss } from '$lib/client/db/holdings';
import { dismissLoss, reportLoss, restoreFromServer } from '$lib/client/space/eviction';
import { listReceipts } from '$lib/client/db/outbox';
import { listCachedDossiers } from '$lib/client/db/dossier-cache';
import { birthProcedure, freshAccountId, resetDatabases } from './helpers';

// Issue 16.3: the browser wiping IndexedDB is noticed from a marker kept outside it.

beforeEach(() => {
	const items = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	});
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await resetDatabases();
});

/** What the browser does to a site under storage pressure: every database gone, localStorage kept. */
async function evict() {
	closeAllAccountDbs();
	closeDeviceDb();
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

const settled = () => new Promise((r) => setTimeout(r, 50));

describe('a wipe of the device databases is noticed (issue 16.3)', () => {
	it('a first start is no loss; the marker follows the drafts, with long digit runs masked', async () => {
		const id = freshAccountId();
		const db = openAccountDb(id);
		const { loss, stop } = await checkHoldings(db);
		expect(loss).toBeNull();
		const kept = await createDraft(db, { procedure: birthProcedure, title: 'Khai sinh cho bé, CCCD mẹ 001190012346' });
		const gone = await createDraft(db, { procedure: birthProcedure, title: 'Bản bỏ' });
		await deleteDraft(db, gone.id);
		await vi.waitFor(() => expect(readHoldings(id)?.unsent).toEqual(['Khai sinh cho bé, CCCD mẹ 00••••••••46']));
		expect(kept.title).toContain('001190012346');
		stop();
	});

	it('after the databases were wiped, the next start reports the unsent drafts by title, once, until dismissed', async () => {
		const id = freshAccountId();
		const first = await checkHoldings(openAccountDb(id));
		await createDraft(openAccountDb(id), { procedure: birthProcedure, title: 'Đăng ký khai sinh cho An' });
		await vi.waitFor(() => expect(readHoldings(id)?.unsent).toHaveLength(1));
		first.stop();
		await settled();

		await evict();
		const again = await checkHoldings(openAccountDb(id));
		expect(again.loss).toMatchObject({ accountId: id, unsent: ['Đăng ký khai sinh cho An'], receipts: 0 });
		expect(readLoss(id)).toBeNull(); // recorded by reportLoss, which only a loss downloads
		// The server answered nothing to restore: the notice says 0 came back, and is not retried.
		await reportLoss(id, again.loss, { listDossiers: async () => [], getDossier: async () => { throw new Error('none'); } });
		expect(readLoss(id)).toMatchObject({ unsent: ['Đăng ký khai sinh cho An'], restored: 0 });
		again.stop();
		await settled();

		// The next start finds the device stamped again: no second report (the first stays until dismissed).
		closeAllAccountDbs();
		const third = await checkHoldings(openAccountDb(id));
		expect(third.loss).toBeNull();
		expect(readLoss(id)?.unsent).toEqual(['Đăng ký khai sinh cho An']);
		dismissLoss(id);
		expect(readLoss(id)).toBeNull();
		third.stop();
	});

	it('deleting the account\'s data on purpose is not reported as a loss', async () => {
		const id = freshAccountId();
		const first = await checkHoldings(openAccountDb(id));
		await createDraft(openAccountDb(id), { procedure: birthProcedure });
		await vi.waitFor(() => expect(readHoldings(id)?.unsent).toHaveLength(1));
		first.stop();
		await settled();
		await forgetHoldings(id);
		await evict();
		const again = await checkHoldings(openAccountDb(id));
		expect(again.loss).toBeNull();
		again.stop();
	});

	it('sent dossiers and their receipts come back from the server\'s list', async () => {
		const db = openAccountDb(freshAccountId());
		const item = (n: number) => ({
			id: `0190a000-0000-7000-8000-00000000000${n}`,
			code: `H26.1-260302-000${n}`,
			procedure: { code: '1.004194', name: 'Đăng ký tạm trú' },
			status: 2,
			statusName: 'Đang xử lý',
			receivedAt: '2026-03-02T10:00:00+07:00',
			appointmentDate: '2026-03-05'
		});
		const api = {
			listDossiers: async () => [item(1), item(2)],
			getDossier: async (id: string) => {
				const i = [item(1), item(2)].find((d) => d.id === id)!;
				return { receipt: { dossierId: i.id, code: i.code, procedureCode: '1.004194', procedureName: 'Đăng ký tạm trú', receivedAt: i.receivedAt, appointmentDate: i.appointmentDate, status: 1 as const, agencyName: 'Công an xã Sóc Sơn' } };
			}
		};
		expect(await restoreFromServer(db, api as never)).toBe(2);
		expect((await listReceipts(db)).map((r) => r.code).sort()).toEqual(['H26.1-260302-0001', 'H26.1-260302-0002']);
		expect(await listCachedDossiers(db)).toHaveLength(2);
		// Run again: nothing fetched twice.
		expect(await restoreFromServer(db, api as never)).toBe(0);
	});
});
