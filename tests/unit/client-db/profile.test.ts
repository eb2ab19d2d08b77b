import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccountDb } from '$lib/client/db/account-db';
import { eraseProfile, getProfile, ProfileConsentError, saveProfile } from '$lib/client/db/profile';
import { freshAccountId, resetDatabases } from './helpers';

afterEach(resetDatabases);

describe('profile', () => {
	it('refuses to save without explicit consent', async () => {
		const db = openAccountDb(freshAccountId());
		for (const options of [undefined, {}, { consent: false }, { consent: 'yes' }])
			// @ts-expect-error: callers that do not pass `consent: true` must be refused at run time too
			await expect(saveProfile(db, { fullName: 'A' }, options)).rejects.toBeInstanceOf(ProfileConsentError);
		expect(await getProfile(db)).toBeUndefined();
	});

	it('saves the autofill fields with the consent time, and erases them', async () => {
		const db = openAccountDb(freshAccountId());
		const saved = await saveProfile(
			db,
			{ fullName: ' Lê Thị E ', idNumber: '001204000123', phone: '' },
			{ consent: true }
		);
		expect(saved.values).toEqual({ fullName: 'Lê Thị E', idNumber: '001204000123' });
		expect(Date.parse(saved.consent.savedAt)).not.toBeNaN();
		expect(await getProfile(db)).toEqual(saved);
		await eraseProfile(db);
		expect(await getProfile(db)).toBeUndefined();
	});

	it('rejects keys that are not profile fields', async () => {
		const db = openAccountDb(freshAccountId());
		// @ts-expect-error: not an autofill key
		await expect(saveProfile(db, { password: 'x' }, { consent: true })).rejects.toThrow('không hợp lệ');
	});
});
