import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { accountDbName, GUEST_ACCOUNT_ID, openAccountDb } from '$lib/client/db/account-db';
import { claimGuestSpace, wipeAccount } from '$lib/client/db/accounts';
import { putBlob } from '$lib/client/db/blobs';
import { getCurrentAccount, listDeviceAccounts, rememberAccount, setCurrentAccount } from '$lib/client/db/device';
import { createDraft, getDraft, listDrafts, saveAnswers } from '$lib/client/db/drafts';
import { getProfile, saveProfile } from '$lib/client/db/profile';
import { birthProcedure, freshAccountId, resetDatabases } from './helpers';

afterEach(resetDatabases);

describe('per-account isolation', () => {
	it("never shows account A's drafts in account B's database", async () => {
		const a = openAccountDb(freshAccountId('a'));
		const b = openAccountDb(freshAccountId('b'));
		const draft = await createDraft(a, { procedure: birthProcedure, answers: { secret: 'của A' } });
		expect(await listDrafts(b)).toEqual([]);
		expect(await getDraft(b, draft.id)).toBeUndefined();
		expect(a.name).not.toBe(b.name);
		expect(openAccountDb(a.accountId)).toBe(a); // one cached handle per account
	});

	it('refuses account ids that would make odd database names', () => {
		expect(() => accountDbName('../x')).toThrow('không hợp lệ');
		expect(() => accountDbName('')).toThrow('không hợp lệ');
		expect(accountDbName('guest')).toBe('dvc-account-guest');
	});
});

describe('claiming the guest space at sign-in', () => {
	it('moves guest drafts, files and profile into the account and empties the guest space', async () => {
		const guest = openAccountDb(GUEST_ACCOUNT_ID);
		const d1 = await createDraft(guest, { procedure: birthProcedure, answers: { n: 1 } });
		const d2 = await createDraft(guest, { procedure: birthProcedure, answers: { n: 2 } });
		await putBlob(guest, new Blob(['ảnh CCCD'], { type: 'image/jpeg' }), 'cccd.jpg');
		await saveProfile(guest, { fullName: 'Phạm D' }, { consent: true });

		const accountId = freshAccountId();
		const result = await claimGuestSpace(accountId);
		expect(result).toEqual({ drafts: 2, blobs: 1, profile: true, documents: 0 });

		const account = openAccountDb(accountId);
		expect((await listDrafts(account)).map((d) => d.id).sort()).toEqual([d1.id, d2.id].sort());
		expect((await getProfile(account))?.values).toEqual({ fullName: 'Phạm D' });
		expect(await account.blobs.count()).toBe(1);
		expect(await listDrafts(guest)).toEqual([]);
		expect(await guest.blobs.count()).toBe(0);
		expect(await getProfile(guest)).toBeUndefined();
	});

	it("keeps the account's own profile and its newer copy of a draft when claimed twice", async () => {
		const accountId = freshAccountId();
		const account = openAccountDb(accountId);
		await saveProfile(account, { fullName: 'Chủ tài khoản' }, { consent: true });
		const guest = openAccountDb(GUEST_ACCOUNT_ID);
		const draft = await createDraft(guest, { procedure: birthProcedure, answers: { v: 'guest' } });
		await saveProfile(guest, { fullName: 'Khách' }, { consent: true });

		// A claim interrupted after the copy: the account edited the draft since.
		await account.drafts.put({ ...draft, answers: { v: 'account' }, revision: 5 });
		const result = await claimGuestSpace(accountId);
		expect(result).toEqual({ drafts: 0, blobs: 0, profile: false, documents: 0 });
		expect((await getDraft(account, draft.id))?.answers).toEqual({ v: 'account' });
		expect((await getProfile(account))?.values.fullName).toBe('Chủ tài khoản');
	});
});

describe('wiping an account from the device', () => {
	it('deletes its database and forgets it, leaving other accounts alone', async () => {
		const keepId = freshAccountId('keep');
		const wipeId = freshAccountId('wipe');
		await rememberAccount({ accountId: keepId, displayName: 'Giữ', maskedId: '001•••01' });
		await rememberAccount({ accountId: wipeId, displayName: 'Xoá', maskedId: '001•••02' });
		await setCurrentAccount(wipeId);
		const keep = openAccountDb(keepId);
		await createDraft(keep, { procedure: birthProcedure });
		const wipe = openAccountDb(wipeId);
		const draft = await createDraft(wipe, { procedure: birthProcedure });
		await saveAnswers(wipe, draft.id, { x: 1 }, { expectedRevision: 0 });

		await wipeAccount(wipeId);

		expect(await Dexie.getDatabaseNames()).not.toContain(accountDbName(wipeId));
		expect((await listDeviceAccounts()).map((a) => a.accountId)).toEqual([keepId]);
		expect(await getCurrentAccount()).toBeNull();
		expect(await listDrafts(openAccountDb(wipeId))).toEqual([]); // reopening gives an empty space
		expect(await listDrafts(keep)).toHaveLength(1);
	});
});
