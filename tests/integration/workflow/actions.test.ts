import { describe, expect, it } from 'vitest';
import type { ApiError } from '$lib/server/http/api-error';
import { accountError as refusal } from '../helpers/accounts';
import { applyAction, countEvents } from '$lib/server/workflow/actions';
import { officerDossier } from '$lib/server/workflow/inbox';
import { recordCounterPayment } from '$lib/server/payments/counter';
import { forEachDatabase, type TestDatabase } from '../helpers/databases';
import { act, giveBlob, manifest, sha, world } from './fixtures';
import { paymentConfig } from '../payments/fixtures';

/**
 * PostgreSQL: a second pool, as a second app instance would have. SQLite: the same handle —
 * better-sqlite3 is synchronous, so two handles in one process would block each other; one
 * SQLite server process shares one connection, and concurrent requests queue on it.
 */
const secondConnection = (database: TestDatabase) => (database.dialect === 'postgres' ? database.openAnother() : database);

describe('dossier actions (service)', () => {
	forEachDatabase((t) => {
		it('takes a dossier from receipt through a supplement round and payment to the result handed over, one event per step', async () => {
			const { db } = t();
			const w = await world(db);
			const { deps, officer, owner, dossierId } = w;

			// Accepted Tuesday 16:00: after the 15:00 cut-off, so 3 working days from Wednesday.
			w.clock.now = new Date('2026-03-03T09:00:00Z');
			const accepted = await applyAction(deps, officer, dossierId, act('accept', { expectedStatus: 1 }));
			expect(accepted).toMatchObject({ status: { code: 2, name: 'Được tiếp nhận' }, appointmentDate: '2026-03-09', event: { from: { code: 1 }, to: { code: 2 }, action: 'accept' } });

			w.clock.advance(10);
			await applyAction(deps, officer, dossierId, act('start'));
			w.clock.advance(10);
			const asked = await applyAction(deps, officer, dossierId, act('request-supplement', { missing: ['Hợp đồng thuê nhà'], note: 'Chụp rõ trang có chữ ký' }));
			expect(asked.event).toMatchObject({ note: 'Chụp rõ trang có chữ ký', payload: { missing: ['Hợp đồng thuê nhà'] }, actor: { role: 'officer', name: 'Trần Thị Cán Bộ', agencyCode: 'C01.11.30.H26' } });

			// The citizen resubmits with a second file: a new version, the files of both versions readable to the desk.
			await giveBlob(db, owner.id, sha(2));
			w.clock.advance(60);
			const resubmitted = manifest({}, [{ sha256: sha(1) }, { sha256: sha(2) }]);
			const supplemented = await applyAction(deps, owner, dossierId, act('supplement', { manifest: resubmitted, note: 'Đã bổ sung hợp đồng' }));
			expect(supplemented).toMatchObject({ status: { code: 4 }, event: { actor: { role: 'citizen' }, payload: { resubmitted: true, version: 2 } } });
			const versions = await db.selectFrom('dossier_versions').select('version').where('dossier_id', '=', dossierId).orderBy('version').execute();
			expect(versions.map((v) => Number(v.version))).toEqual([1, 2]);

			w.clock.advance(10);
			await applyAction(deps, officer, dossierId, act('request-payment', { amount: 20000, items: [{ name: 'Lệ phí đăng ký', amount: 20000 }] }));
			w.clock.advance(10);
			// The fee is paid at the desk (level 3): recorded with its receipt number, the dossier goes back to processing.
			const unpaid = await refusal(applyAction(deps, officer, dossierId, act('start')));
			expect([unpaid.status, unpaid.code]).toEqual([422, 'action_not_allowed']);
			const [obligation] = await db.selectFrom('payment_obligations').select('id').where('dossier_id', '=', dossierId).execute();
			const paid = await recordCounterPayment({ db, config: { dataDir: paymentConfig.dataDir }, now: () => w.clock.now }, officer, dossierId, { obligationId: obligation.id, tender: 'cash', receiptNumber: 'BL-0001' });
			expect(paid).toMatchObject({ state: 'paid', payment: { method: 'counter', providerRef: 'BL-0001', amount: 20000 } });

			// Level 4 ("toàn trình"): finishing needs the result file, which the officer uploaded.
			const noFile = await refusal(applyAction(deps, officer, dossierId, act('finish')));
			expect([noFile.status, noFile.code, Object.keys(noFile.fields ?? {})]).toEqual([400, 'invalid_input', ['result']]);
			const notUploaded = await refusal(applyAction(deps, officer, dossierId, act('finish', { result: { sha256: sha(9), name: 'ket-qua.pdf' } })));
			expect(notUploaded.code).toBe('missing_blobs');
			await giveBlob(db, officer.id, sha(9), 5000, 'application/pdf');
			w.clock.advance(10);
			await applyAction(deps, officer, dossierId, act('finish', { result: { sha256: sha(9), name: 'ket-qua.pdf' } }));
			w.clock.advance(10);
			const done = await applyAction(deps, officer, dossierId, act('return', { note: 'Đã gửi kết quả điện tử' }));
			expect(done.status).toEqual({ code: 10, name: 'Đã trả kết quả' });

			const view = await officerDossier(db, officer, dossierId, w.clock.now);
			expect(view.events.map((e) => `${e.from?.code ?? '-'}>${e.to.code}`)).toEqual(['->1', '1>2', '2>4', '4>5', '5>4', '4>6', '6>4', '4>9', '9>10']);
			expect(view.version).toBe(2);
			expect(view.attachments.map((a) => a.sha256)).toEqual([sha(1), sha(2)]);
			expect(view.results).toMatchObject([{ sha256: sha(9), name: 'ket-qua.pdf', type: 'application/pdf', size: 5000 }]);
			expect(view.nextActions).toEqual([]);
		});

		it('applies a retried request once and answers it the same, also after the dossier moved on', async () => {
			const { db } = t();
			const { deps, officer, dossierId } = await world(db);
			const request = act('accept');
			const first = await applyAction(deps, officer, dossierId, request);
			const again = await applyAction(deps, officer, dossierId, request);
			expect(again).toEqual(first);
			await applyAction(deps, officer, dossierId, act('start'));
			expect(await applyAction(deps, officer, dossierId, request)).toEqual(first);
			expect(await countEvents(db, dossierId)).toBe(3);
			const reused = await refusal(applyAction(deps, officer, dossierId, { ...request, action: 'refuse', reason: 'Không thuộc thẩm quyền' }));
			expect([reused.status, reused.code]).toEqual([409, 'request_reused']);
		});

		it('applies the same request sent 6 times at once over two connections exactly once', async () => {
			const database = t();
			const { deps, officer, dossierId } = await world(database.db);
			const other = secondConnection(database);
			const request = act('accept');
			const answers = await Promise.all(
				[0, 1, 2, 3, 4, 5].map((i) => applyAction({ ...deps, db: i % 2 ? other.db : database.db }, officer, dossierId, request))
			);
			for (const a of answers) expect(a).toEqual(answers[0]);
			expect(await countEvents(database.db, dossierId)).toBe(2);
		});

		it("applies a citizen's supplement resent after a lost answer, and 6 copies at once over two connections, exactly once", async () => {
			const database = t();
			const { db } = database;
			const { deps, officer, owner, dossierId } = await world(db);
			await applyAction(deps, officer, dossierId, act('accept'));
			await applyAction(deps, officer, dossierId, act('start'));
			await applyAction(deps, officer, dossierId, act('request-supplement', { missing: ['Hợp đồng thuê nhà'], note: 'Chụp rõ trang có chữ ký' }));
			const before = await countEvents(db, dossierId);
			await giveBlob(db, owner.id, sha(2));
			// What the phone's outbox sends, the same body every time (issue 11: sent by the engine, page or worker).
			const request = act('supplement', { expectedStatus: 5, note: 'Đã bổ sung', manifest: manifest({}, [{ sha256: sha(1) }, { sha256: sha(2) }]) });
			const other = secondConnection(database);
			const answers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => applyAction({ ...deps, db: i % 2 ? other.db : db }, owner, dossierId, request)));
			for (const a of answers) expect(a).toEqual(answers[0]);
			expect(answers[0].status.code).toBe(4);
			expect(await applyAction(deps, owner, dossierId, request)).toEqual(answers[0]);
			expect(await countEvents(db, dossierId)).toBe(before + 1);
			const versions = await db.selectFrom('dossier_versions').select('version').where('dossier_id', '=', dossierId).execute();
			expect(versions).toHaveLength(2);
		});

		it('applies a withdrawal resent after a lost answer, and twice at once, exactly once', async () => {
			const database = t();
			const { db } = database;
			const { deps, officer, owner, dossierId } = await world(db);
			await applyAction(deps, officer, dossierId, act('accept'));
			const request = act('withdraw', { expectedStatus: 2, note: 'Tôi chuyển nơi ở khác' });
			const other = secondConnection(database);
			const [first, second] = await Promise.all([applyAction(deps, owner, dossierId, request), applyAction({ ...deps, db: other.db }, owner, dossierId, request)]);
			expect(second).toEqual(first);
			expect(first.status.code).toBe(7);
			expect(await applyAction(deps, owner, dossierId, request)).toEqual(first);
			expect(await countEvents(db, dossierId)).toBe(3);
		});

		it('refuses a withdrawal queued offline that arrives after the desk decided, with the status it is in, changing nothing', async () => {
			const { db } = t();
			const late = await world(db);
			await applyAction(late.deps, late.officer, late.dossierId, act('refuse', { reason: 'Hồ sơ sai thẩm quyền' }));
			const refused = await refusal(applyAction(late.deps, late.owner, late.dossierId, act('withdraw', { expectedStatus: 1 })));
			expect([refused.status, refused.code]).toEqual([409, 'status_changed']);
			expect(refused.details).toEqual({ status: { code: 3, name: 'Không được tiếp nhận' } });
			expect(await countEvents(db, late.dossierId)).toBe(2);
		});

		it('lets only one of two different actions racing on one status win; the other learns the current status', async () => {
			const database = t();
			const { deps, officer, dossierId } = await world(database.db);
			const other = secondConnection(database);
			const results = await Promise.allSettled([
				applyAction(deps, officer, dossierId, act('accept')),
				applyAction({ ...deps, db: other.db }, officer, dossierId, act('refuse', { reason: 'Hồ sơ sai thẩm quyền' }))
			]);
			const won = results.filter((r) => r.status === 'fulfilled');
			const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
			expect(won).toHaveLength(1);
			expect(lost).toHaveLength(1);
			const e = lost[0].reason as ApiError;
			expect([e.status, e.code]).toEqual([409, 'status_changed']);
			const winner = (won[0] as PromiseFulfilledResult<{ status: { code: number } }>).value.status.code;
			expect(e.details).toEqual({ status: { code: winner, name: winner === 2 ? 'Được tiếp nhận' : 'Không được tiếp nhận' } });
			expect(await countEvents(database.db, dossierId)).toBe(2);
		});

		it('refuses an action against a status that moved on with 409 and the current status, changing nothing', async () => {
			const { db } = t();
			const { deps, officer, dossierId } = await world(db);
			await applyAction(deps, officer, dossierId, act('accept'));
			const stale = await refusal(applyAction(deps, officer, dossierId, act('refuse', { reason: 'Thiếu giấy tờ', expectedStatus: 1 })));
			expect([stale.status, stale.code]).toEqual([409, 'status_changed']);
			expect(stale.message).toMatch(/Được tiếp nhận/);
			expect(stale.details).toEqual({ status: { code: 2, name: 'Được tiếp nhận' } });
			expect(await countEvents(db, dossierId)).toBe(2);
		});

		it("refuses another agency's officer and another citizen as if the dossier did not exist, and a second officer while one holds it", async () => {
			const { db } = t();
			const { deps, officer, colleague, foreign, dossierId } = await world(db);
			const outsider = await refusal(applyAction(deps, foreign, dossierId, act('accept')));
			expect([outsider.status, outsider.code]).toEqual([404, 'not_found']);
			await expect(officerDossier(db, foreign, dossierId)).rejects.toMatchObject({ code: 'not_found' });

			const { id: strangerId } = await db.selectFrom('accounts').select('id').where('role', '=', 'citizen').executeTakeFirstOrThrow();
			// Another id than any account's: the last digit changed (never the owner's own id by chance).
			const stranger = { id: `${strangerId.slice(0, -1)}${strangerId.endsWith('0') ? '1' : '0'}`, role: 'citizen' as const, agencyCode: null, fullName: 'Kẻ Lạ' };
			expect((await refusal(applyAction(deps, stranger, dossierId, act('withdraw')))).code).toBe('not_found');

			await applyAction(deps, officer, dossierId, act('accept'));
			const held = await refusal(applyAction(deps, colleague, dossierId, act('start')));
			expect([held.status, held.code]).toEqual([409, 'assigned_to_other']);
			expect(held.message).toContain('Trần Thị Cán Bộ');
			const seen = await officerDossier(db, colleague, dossierId);
			expect([seen.assignee?.fullName, seen.mine, seen.nextActions]).toEqual(['Trần Thị Cán Bộ', false, []]);
			// Released, the colleague may take it.
			await applyAction(deps, officer, dossierId, act('release'));
			expect((await applyAction(deps, colleague, dossierId, act('start'))).status.code).toBe(4);
			expect(await countEvents(db, dossierId)).toBe(4);
		});

		it('refuses bad input with the field named and the wrong role with 403', async () => {
			const { db } = t();
			const { deps, officer, owner, dossierId } = await world(db);
			const bad = await refusal(applyAction(deps, officer, dossierId, { requestId: 'not-a-uuid', action: 'refuse' }));
			expect(bad.code).toBe('invalid_input');
			expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['reason', 'requestId']);
			const unknown = await refusal(applyAction(deps, officer, dossierId, act('approve-all')));
			expect(unknown.code).toBe('invalid_input');
			const role = await refusal(applyAction(deps, owner, dossierId, act('accept')));
			expect([role.status, role.code]).toEqual([403, 'forbidden']);
			expect(await countEvents(db, dossierId)).toBe(1);
		});

		it('extends the appointment with the apology letter and lets the citizen withdraw an open dossier', async () => {
			const { db } = t();
			const { deps, officer, owner, dossierId } = await world(db);
			await applyAction(deps, officer, dossierId, act('accept'));
			const extended = await applyAction(deps, officer, dossierId, act('extend', { newDate: '2026-03-20', apology: 'Cơ quan xin lỗi ông/bà vì phải xác minh thêm nơi ở.' }));
			expect(extended).toMatchObject({ status: { code: 2 }, appointmentDate: '2026-03-20', event: { payload: { previousDate: '2026-03-05', newDate: '2026-03-20' } } });
			const withdrawn = await applyAction(deps, owner, dossierId, act('withdraw', { note: 'Tôi chuyển nơi ở khác' }));
			expect(withdrawn.status.code).toBe(7);
			const row = await db.selectFrom('dossiers').select(['status', 'appointment_date']).where('id', '=', dossierId).executeTakeFirstOrThrow();
			expect([Number(row.status), row.appointment_date]).toEqual([7, '2026-03-20']);
		});
	});
});
