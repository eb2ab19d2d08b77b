import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createDeviceDb, DEVICE_DB_NAME } from '$lib/client/db/device-db';
import { adoptSignedInAccount, signInHint } from '$lib/client/space/account-switch';
import { resetDatabases } from './helpers';

afterEach(resetDatabases);

const FULL_ID = '001090012345';
const account = { id: 'acc-1', fullName: 'Nguyễn Văn Dân', maskedId: '0010••••••45', role: 'citizen' as const, agencyCode: null };

/** Every record of the device database, as text: what the next person on a shared phone could read. */
async function deviceDbText(): Promise<string> {
	const db = createDeviceDb();
	const text = JSON.stringify([await db.table('accounts').toArray(), await db.table('meta').toArray()]);
	db.close();
	return text;
}

describe('no full identity number on the device outside the account\'s own database', () => {
	it('a sign-in keeps only the masked number, and the hint offered in the picker is masked', async () => {
		await adoptSignedInAccount(account);
		expect(await deviceDbText()).not.toContain(FULL_ID);
		expect(await signInHint('acc-1')).toEqual({ displayName: account.fullName, maskedId: account.maskedId });
	});

	it('the device database upgrade deletes the full identifiers older releases kept as sign-in hints', async () => {
		const v1 = new Dexie(DEVICE_DB_NAME);
		v1.version(1).stores({ accounts: 'accountId, lastUsedAt', meta: 'key' });
		await v1.table('meta').bulkPut([
			{ key: 'signin-hint:acc-1', value: FULL_ID },
			{ key: 'currentAccount', value: 'acc-1' }
		]);
		v1.close();
		expect(await deviceDbText()).not.toContain(FULL_ID);
		expect(await deviceDbText()).toContain('currentAccount');
	});
});
