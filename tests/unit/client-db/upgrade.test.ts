import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { accountDbName, createAccountDb } from '$lib/client/db/account-db';
import { ACCOUNT_STORES_V1, DRAFT_SCHEMA_VERSION, draftSchema } from '$lib/client/db/schema';
import { listDrafts, saveAnswers } from '$lib/client/db/drafts';
import { freshAccountId, resetDatabases } from './helpers';

afterEach(resetDatabases);

describe('app update: account database v1 → v2', () => {
	it('opens a database written by v1 and finds the draft intact with its answers migrated', async () => {
		const accountId = freshAccountId();
		// What an installed PWA of the first release left on the phone.
		const old = new Dexie(accountDbName(accountId));
		old.version(1).stores(ACCOUNT_STORES_V1);
		const created = Date.UTC(2025, 5, 30, 9, 0, 0);
		const updated = Date.UTC(2025, 6, 2, 14, 5, 0);
		await old.table('drafts').add({
			id: '0197c0a0-0000-7000-8000-000000000001',
			procedureCode: '1.001193',
			procedureName: 'Đăng ký khai sinh',
			data: { childName: 'Nguyễn Văn An', children: [{ name: 'Bình' }], agreed: true },
			step: 2,
			createdAt: created,
			updatedAt: updated
		});
		await old.table('profile').put({ id: 'me', values: { fullName: 'Trần Thị B' }, consent: { savedAt: 'x' } });
		old.close();

		const db = createAccountDb(accountId);
		const [draft] = await listDrafts(db);
		expect(db.verno).toBe(4);
		expect(draft).toEqual({
			id: '0197c0a0-0000-7000-8000-000000000001',
			procedureCode: '1.001193',
			procedureName: 'Đăng ký khai sinh',
			title: 'Đăng ký khai sinh',
			answers: { childName: 'Nguyễn Văn An', children: [{ name: 'Bình' }], agreed: true },
			autofilled: [],
			step: 2,
			createdAt: '2025-06-30T09:00:00.000Z',
			updatedAt: '2025-07-02T14:05:00.000Z',
			revision: 1,
			schemaVersion: DRAFT_SCHEMA_VERSION
		});
		expect(draftSchema.safeParse(draft).success).toBe(true);
		expect('data' in draft).toBe(false);
		// Tables added in v2 exist and the migrated draft can be saved normally.
		expect(await db.outbox.count()).toBe(0);
		expect(await db.profile.get('me')).toMatchObject({ values: { fullName: 'Trần Thị B' } });
		expect(await saveAnswers(db, draft.id, { childName: 'An' }, { expectedRevision: 1 })).toMatchObject({
			status: 'saved',
			revision: 2
		});
		db.close();
	});

	it('keeps a half-written v1 draft instead of dropping it', async () => {
		const accountId = freshAccountId();
		const old = new Dexie(accountDbName(accountId));
		old.version(1).stores(ACCOUNT_STORES_V1);
		await old.table('drafts').add({ id: 'legacy-1', data: { note: 'còn dở' } });
		old.close();

		const db = createAccountDb(accountId);
		const draft = await db.drafts.get('legacy-1');
		expect(draft?.answers).toEqual({ note: 'còn dở' });
		expect(draft?.step).toBe(0);
		expect(draft?.title).toBe('Hồ sơ nháp');
		db.close();
	});
});

describe('app update: account database v2 → v3 (sent dossiers kept on the device)', () => {
	it('keeps the outbox and receipts of v2 and adds an empty dossier cache that reads back what it stores', async () => {
		const { ACCOUNT_STORES_V2 } = await import('$lib/client/db/schema');
		const { listCachedDossiers, storeDossierList, findCachedByCode, lastRefreshedAt } = await import('$lib/client/db/dossier-cache');
		const accountId = freshAccountId();
		const old = new Dexie(accountDbName(accountId));
		old.version(2).stores(ACCOUNT_STORES_V2);
		await old.table('receipts').put({ id: 'r1', code: 'C01.11.30.H26-260302-0001', draftId: 'd1' });
		old.close();

		const db = createAccountDb(accountId);
		expect(await db.receipts.get('r1')).toMatchObject({ code: 'C01.11.30.H26-260302-0001' });
		expect(await listCachedDossiers(db)).toEqual([]);
		const item = {
			id: '0197c0a0-0000-7000-8000-000000000009',
			code: 'C01.11.30.H26-260302-0001',
			procedure: { code: '1.004194', name: 'Đăng ký tạm trú' },
			status: 4,
			statusName: 'Đang xử lý',
			receivedAt: '2026-03-02T10:00:00.000+07:00',
			appointmentDate: '2026-03-05'
		};
		await storeDossierList(db, [item], new Date('2026-03-03T01:00:00Z'));
		expect(await findCachedByCode(db, item.code)).toMatchObject({ ...item, fetchedAt: '2026-03-03T01:00:00.000Z' });
		expect(await lastRefreshedAt(db)).toBe('2026-03-03T01:00:00.000Z');
		db.close();
	});
});
