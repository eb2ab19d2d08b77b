/**
 * Issue 12, defect 1: one account (or one address) cannot use up an agency's day. Each
 * agency numbers at most 9,999 dossiers a Vietnam day; new dossiers are counted per account
 * and per address and agency in the database, replays are free, and an agency past 80 % of
 * its day is reported.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { submitDossier, type DossierDeps } from '$lib/server/dossiers/submit';
import { agenciesNearDailyLimit } from '$lib/server/dossiers/sequence';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits, manifest, MONDAY_10AM, POLICE_SOC_SON } from '../dossiers/fixtures';
import { refusal } from '../helpers/refusal';

describe('submission limits', () => {
	forEachDatabase((t) => {
		const deps = (now = MONDAY_10AM, submissions = { perAccountPerDay: 3, perAddressPerAgencyPerDay: 5 }): DossierDeps => ({
			db: t().db,
			config: { upload: limits, submissions },
			now: () => now
		});

		it('refuses an account past its daily number of new dossiers with 429 and a Vietnamese message; replays and the next day pass', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const ids = [randomUUID(), randomUUID(), randomUUID()];
			for (const id of ids) expect((await submitDossier(deps(), me, id, manifest(), '10.0.0.1')).status).toBe(201);
			const e = await refusal(submitDossier(deps(), me, randomUUID(), manifest(), '10.0.0.1'));
			expect([e.status, e.code]).toEqual([429, 'submission_limit']);
			expect(e.message).toMatch(/^Tài khoản này đã gửi 3 hồ sơ mới hôm nay/);
			// A retry of a received dossier is not a new one.
			expect((await submitDossier(deps(), me, ids[0], manifest(), '10.0.0.1')).status).toBe(200);
			// The counter is the Vietnam day's: 23:59 the same day is still refused, 00:00 is a new day.
			const lateSameDay = new Date('2026-03-02T16:59:00Z');
			expect((await refusal(submitDossier(deps(lateSameDay), me, randomUUID(), manifest(), '10.0.0.1'))).code).toBe('submission_limit');
			const nextDay = new Date('2026-03-02T17:00:00Z');
			expect((await submitDossier(deps(nextDay), me, randomUUID(), manifest({ submittedAt: '2026-03-03T00:00:00+07:00' }), '10.0.0.1')).status).toBe(201);
			// Refused attempts did not take a number: the agency's codes stay gap-free.
			const codes = (await db.selectFrom('dossiers').select('code').orderBy('code').execute()).map((r) => r.code);
			expect(codes).toEqual(['C01.11.30.H26-260302-0001', 'C01.11.30.H26-260302-0002', 'C01.11.30.H26-260302-0003', 'C01.11.30.H26-260303-0001']);
		});

		it('refuses one address past its daily number of new dossiers for one agency, whatever the account', async () => {
			const { db } = t();
			const accounts = await Promise.all(['A', 'B', 'C'].map((s) => createAccount(db, s)));
			let sent = 0;
			for (const account of accounts)
				for (let i = 0; i < 2 && sent < 5; i++, sent++)
					expect((await submitDossier(deps(), account, randomUUID(), manifest(), '203.0.113.7')).status).toBe(201);
			const e = await refusal(submitDossier(deps(), accounts[2], randomUUID(), manifest(), '203.0.113.7'));
			expect([e.status, e.code]).toEqual([429, 'submission_limit']);
			expect(e.message).toMatch(/địa chỉ mạng/);
			// Another address (another household) is not affected.
			expect((await submitDossier(deps(), accounts[2], randomUUID(), manifest(), '203.0.113.8')).status).toBe(201);
		});

		it('warns in the log and lists the agency once it passes 80 % of its daily range', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			await db.insertInto('dossier_sequences').values({ agency_code: POLICE_SOC_SON, day: '2026-03-02', last: 7998 }).execute();
			const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
			try {
				await submitDossier(deps(), me, randomUUID(), manifest(), '10.0.0.2');
				expect(warn).not.toHaveBeenCalled();
				expect(await agenciesNearDailyLimit(db, MONDAY_10AM)).toEqual([]);
				await submitDossier(deps(), me, randomUUID(), manifest(), '10.0.0.2');
				expect(warn).toHaveBeenCalledTimes(1);
				expect(String(warn.mock.calls[0][0])).toContain(POLICE_SOC_SON);
				expect(await agenciesNearDailyLimit(db, MONDAY_10AM)).toEqual([{ agencyCode: POLICE_SOC_SON, agencyName: 'Công an xã Sóc Sơn, Hà Nội', used: 8000, limit: 9999 }]);
			} finally {
				warn.mockRestore();
			}
		});
	});
});
