/**
 * Tra cứu hồ sơ on SQLite and PostgreSQL: exact matches only, the masked name for anyone but
 * the owner, the owner's full entry, and the per-address counter that stops walking through
 * codes or ID numbers.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/server/http/api-error';
import { submitDossier, type DossierDeps } from '$lib/server/dossiers/submit';
import { lookupDossiers, type Viewer } from '$lib/server/lookup';
import { rateLimits } from '$lib/server/rate-limit';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits, manifest, MONDAY_10AM } from '../dossiers/fixtures';

describe('lookup service', () => {
	forEachDatabase((t) => {
		async function setup() {
			const { db } = t();
			const deps: DossierDeps = { db, config: { upload: limits }, now: () => MONDAY_10AM };
			const owner = await createAccount(db, 'An');
			const other = await createAccount(db, 'Bình');
			const ownerRow = await db.selectFrom('accounts').select(['id', 'id_number', 'full_name']).where('id', '=', owner).executeTakeFirstOrThrow();
			const otherRow = await db.selectFrom('accounts').select(['id', 'id_number']).where('id', '=', other).executeTakeFirstOrThrow();
			const first = (await submitDossier(deps, owner, randomUUID(), manifest())).receipt;
			const second = (await submitDossier(deps, owner, randomUUID(), manifest())).receipt;
			await submitDossier(deps, other, randomUUID(), manifest());
			const ownerViewer: Viewer = { accountId: owner, idNumber: ownerRow.id_number };
			const otherViewer: Viewer = { accountId: other, idNumber: otherRow.id_number };
			return { db, first, second, ownerRow, ownerViewer, otherViewer };
		}

		it('finds a dossier by its exact code and shows a stranger the masked name, dates and status only', async () => {
			const { db, first } = await setup();
			const found = await lookupDossiers({ db }, { code: first.code }, null, '203.0.113.5');
			expect(found).toEqual([
				{
					code: first.code,
					procedure: { code: '1.004194', name: first.procedureName },
					applicantName: 'Nguyễn V** A*',
					receivedAt: '2026-03-02T10:00:00.000+07:00',
					appointmentDate: '2026-03-05',
					status: { code: 1, name: 'Mới đăng ký' }
				}
			]);
		});

		it('matches exactly: a prefix of a code or of an ID number finds nothing', async () => {
			const { db, first, ownerRow } = await setup();
			expect(await lookupDossiers({ db }, { code: first.code.replace(/1$/, '') + '9' }, null, 'a')).toEqual([]);
			expect(await lookupDossiers({ db }, { idNumber: ownerRow.id_number.slice(0, 11) + 'x' }, null, 'a')).toEqual([]);
		});

		it('lists masked entries by ID number alone, newest first, and never another person’s', async () => {
			const { db, first, second, ownerRow, otherViewer } = await setup();
			for (const viewer of [null, otherViewer]) {
				const found = await lookupDossiers({ db }, { idNumber: ownerRow.id_number }, viewer, 'b');
				expect(found.map((f) => f.code)).toEqual([second.code, first.code]);
				expect(found.every((f) => f.applicantName === 'Nguyễn V** A*' && f.dossierId === undefined)).toBe(true);
			}
		});

		it('shows the owner everything: full name and the dossier id, by code and by their ID number', async () => {
			const { db, first, ownerRow, ownerViewer } = await setup();
			const [byCode] = await lookupDossiers({ db }, { code: first.code }, ownerViewer, 'c');
			expect(byCode).toMatchObject({ applicantName: ownerRow.full_name, dossierId: first.dossierId });
			const byId = await lookupDossiers({ db }, { idNumber: ownerRow.id_number }, ownerViewer, 'c');
			expect(byId).toHaveLength(2);
			expect(byId.every((f) => f.applicantName === ownerRow.full_name && f.dossierId)).toBe(true);
		});

		it('shows the current status and appointment date as the desk changed them', async () => {
			const { db, first } = await setup();
			await db.updateTable('dossiers').set({ status: 5, appointment_date: '2026-03-09' }).where('code', '=', first.code).execute();
			const [entry] = await lookupDossiers({ db }, { code: first.code }, null, 'd');
			expect(entry).toMatchObject({ status: { code: 5, name: 'Yêu cầu bổ sung giấy tờ' }, appointmentDate: '2026-03-09' });
		});

		it('counts lookups per address in the database: misses count too, the limit answers 429 with a wait, the owner is not counted', async () => {
			const { db, first, ownerViewer } = await setup();
			const address = '198.51.100.7';
			for (let i = 0; i < rateLimits.lookupPerAddress.limit; i++)
				await lookupDossiers({ db }, { code: `C01.11.30.H26-260302-${String(100 + i).padStart(4, '0')}` }, null, address);
			const refused = await lookupDossiers({ db }, { code: first.code }, null, address).catch((e) => e);
			expect(refused).toBeInstanceOf(ApiError);
			expect([refused.status, refused.code]).toEqual([429, 'rate_limited']);
			expect(refused.retryAfterSeconds).toBeGreaterThan(0);
			// Another address is not affected, and the owner still finds their own dossier.
			expect(await lookupDossiers({ db }, { code: first.code }, null, '198.51.100.8')).toHaveLength(1);
			expect(await lookupDossiers({ db }, { code: first.code }, ownerViewer, address)).toHaveLength(1);
			expect(await lookupDossiers({ db }, { idNumber: ownerViewer.idNumber }, ownerViewer, address)).toHaveLength(2);
			const counter = await db.selectFrom('rate_limits').select('count').where('key', '=', `lookup:address:${address}`).executeTakeFirstOrThrow();
			expect(Number(counter.count)).toBe(rateLimits.lookupPerAddress.limit + 1);
		});
	});
});
