import { describe, expect, it } from 'vitest';
import { OFFICER_PAGE_SIZE } from '$lib/domain/wire/workflow';
import { syncAgencies } from '$lib/server/agencies';
import { officerInbox } from '$lib/server/workflow/inbox';
import { accountError as refusal } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';
import { citizen, createOfficer, POLICE_SOC_SON } from './fixtures';
import { insertDossiers } from './many-dossiers';

const OTHER_AGENCY = 'C02.12.30.H26'; // Công an xã Kim Anh
const q = (params: Record<string, string> = {}) => new URLSearchParams(params);
// Tuesday 3 March 2026, 10:00 in Vietnam.
const NOW = new Date('2026-03-03T03:00:00Z');

describe('officer inbox (service)', () => {
	forEachDatabase((t) => {
		async function desk() {
			const { db } = t();
			await syncAgencies(db);
			const owner = await citizen(db, 'A');
			const officer = await createOfficer(db, POLICE_SOC_SON);
			const foreign = await createOfficer(db, OTHER_AGENCY, 'Hồ Thị Xã Khác');
			// 60 new (appointments spread over days), 5 being processed, 3 returned, at Sóc Sơn; 7 at Kim Anh.
			const fresh = await insertDossiers(db, {
				agencyCode: POLICE_SOC_SON,
				ownerId: owner.id,
				count: 60,
				appointmentDate: (i) => `2026-03-${String(1 + (i % 9)).padStart(2, '0')}`
			});
			await insertDossiers(db, { agencyCode: POLICE_SOC_SON, ownerId: owner.id, count: 5, status: () => 4, sequenceFrom: 100, applicant: (i) => ({ name: `Trần Thị Đang ${i}`, idNumber: `00119000000${i}` }) });
			await insertDossiers(db, { agencyCode: POLICE_SOC_SON, ownerId: owner.id, count: 3, status: () => 10, sequenceFrom: 200 });
			const elsewhere = await insertDossiers(db, { agencyCode: OTHER_AGENCY, ownerId: owner.id, count: 7, sequenceFrom: 300 });
			return { db, officer, foreign, fresh, elsewhere };
		}

		it('counts per status, lists the open ones by appointment date 50 to a page, marks overdue and due today', async () => {
			const { db, officer } = await desk();
			const first = await officerInbox(db, officer, q(), NOW);
			expect(first.agency).toEqual({ code: POLICE_SOC_SON, name: 'Công an xã Sóc Sơn, Hà Nội' });
			expect(first.counts).toEqual({ active: 65, '1': 60, '4': 5, '10': 3 });
			expect([first.total, first.page, first.pageSize, first.dossiers.length]).toEqual([65, 1, OFFICER_PAGE_SIZE, 50]);
			const dates = first.dossiers.map((d) => d.appointmentDate);
			expect(dates).toEqual([...dates].sort());
			expect(first.today).toBe('2026-03-03');
			for (const d of first.dossiers) expect(d.due).toBe(d.appointmentDate < '2026-03-03' ? 'overdue' : d.appointmentDate === '2026-03-03' ? 'today' : null);
			expect(first.dossiers.some((d) => d.due === 'overdue') && first.dossiers.some((d) => d.due === 'today')).toBe(true);

			// The desk's plain GET form sends empty fields: the same as none.
			expect((await officerInbox(db, officer, q({ status: '', q: ' ', page: '' }), NOW)).dossiers).toEqual(first.dossiers);

			const second = await officerInbox(db, officer, q({ page: '2' }), NOW);
			expect(second.dossiers).toHaveLength(15);
			const ids = new Set([...first.dossiers, ...second.dossiers].map((d) => d.id));
			expect(ids.size).toBe(65);
			expect((await officerInbox(db, officer, q({ page: '3' }), NOW)).dossiers).toEqual([]);
		});

		it('filters by status, searches by code, name without diacritics and ID number', async () => {
			const { db, officer, fresh } = await desk();
			const processing = await officerInbox(db, officer, q({ status: '4' }), NOW);
			expect([processing.total, processing.dossiers.every((d) => d.status.code === 4)]).toEqual([5, true]);
			expect(processing.counts['1']).toBe(60); // the counts stay those of the whole desk
			const returned = await officerInbox(db, officer, q({ status: '10' }), NOW);
			expect(returned.dossiers.map((d) => d.status)).toEqual(Array(3).fill({ code: 10, name: 'Đã trả kết quả' }));

			const byCode = await officerInbox(db, officer, q({ q: fresh[7].code }), NOW);
			expect(byCode.dossiers.map((d) => d.id)).toEqual([fresh[7].id]);
			const byName = await officerInbox(db, officer, q({ q: 'tran thi dang' }), NOW);
			expect(byName.total).toBe(5);
			const byId = await officerInbox(db, officer, q({ q: '001190000003' }), NOW);
			expect(byId.dossiers.map((d) => d.applicant)).toEqual([{ fullName: 'Trần Thị Đang 3', idNumber: '001190000003' }]);
			// A search looks at the open dossiers unless a status is chosen.
			expect((await officerInbox(db, officer, q({ q: 'tran thi dang', status: '1' }), NOW)).total).toBe(0);
			// LIKE's wildcards fold away like any punctuation: '%_' is no search at all, never "match anything of 2 letters".
			expect((await officerInbox(db, officer, q({ q: '%_' }), NOW)).total).toBe(65);
			expect((await officerInbox(db, officer, q({ q: 'tran%dang' }), NOW)).total).toBe(0);
		});

		it("gives an officer nothing of another agency's dossiers, even searched by code", async () => {
			const { db, foreign, fresh, elsewhere } = await desk();
			const inbox = await officerInbox(db, foreign, q(), NOW);
			expect([inbox.total, inbox.counts]).toEqual([7, { active: 7, '1': 7 }]);
			expect(inbox.dossiers.map((d) => d.id).sort()).toEqual(elsewhere.map((d) => d.id).sort());
			expect((await officerInbox(db, foreign, q({ q: fresh[0].code }), NOW)).total).toBe(0);
			expect((await officerInbox(db, foreign, q({ status: '10' }), NOW)).total).toBe(0);
		});

		it('refuses a bad query and a citizen', async () => {
			const { db, officer } = await desk();
			for (const bad of [{ status: '11' }, { status: 'x' }, { page: '0' }, { page: '-1' }, { q: 'x'.repeat(101) }] as Record<string, string>[]) {
				const e = await refusal(officerInbox(db, officer, q(bad), NOW));
				expect([e.status, e.code]).toEqual([400, 'invalid_query']);
			}
			const e = await refusal(officerInbox(db, await citizen(db, 'B'), q(), NOW));
			expect([e.status, e.code]).toEqual([403, 'forbidden']);
		});
	});
});
