import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDossier, listDossiers } from '$lib/server/dossiers/queries';
import { submitDossier, type DossierDeps } from '$lib/server/dossiers/submit';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, giveBlob, limits, manifest, MiB, MONDAY_10AM, sha } from './fixtures';
import { refusal } from '../helpers/refusal';
import { DEMO_AGENCY } from '$lib/server/accounts/demo';

describe('PUT /api/dossiers/{id} service', () => {
	forEachDatabase((t) => {
		const deps = (): DossierDeps => ({ db: t().db, config: { upload: limits }, now: () => MONDAY_10AM });

		it('receives a new dossier: code, Vietnam-time receipt, appointment 3 working days later, event and attachments', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			await giveBlob(db, me, sha(1));
			const id = randomUUID();
			const { status, receipt } = await submitDossier(deps(), me, id, manifest({}, [{ sha256: sha(1) }]));
			expect(status).toBe(201);
			expect(receipt).toMatchObject({
				dossierId: id,
				code: 'C01.11.30.H26-260302-0001',
				procedureCode: '1.004194',
				receivedAt: '2026-03-02T10:00:00.000+07:00',
				appointmentDate: '2026-03-05',
				status: 1,
				agencyName: 'Công an xã Sóc Sơn, Hà Nội'
			});
			// The residence fee at the online rate (Thông tư 75/2022/TT-BTC), on the receipt.
			expect(receipt.fees).toEqual({
				lines: [{ name: 'Lệ phí đăng ký tạm trú (nộp trực tuyến)', kind: 'le-phi', unitAmount: 7000, quantity: 1, unit: 'lần', amount: 7000, exempt: false }],
				total: 7000
			});
			const events = await db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).execute();
			expect(events).toMatchObject([{ status: 1, note: 'Mới đăng ký', at: MONDAY_10AM.toISOString() }]);
			const files = await db.selectFrom('dossier_attachments').selectAll().execute();
			expect(files).toEqual([{ dossier_id: id, slot: 'residenceProofFile', sha256: sha(1) }]);
		});

		it('refuses a dossier sent from an officer\'s or an administrator\'s account (issue 12, defect 12)', async () => {
			const { db } = t();
			await db.insertInto('agencies').values(DEMO_AGENCY).execute();
			const officer = await createAccount(db, 'O', { agencyCode: DEMO_AGENCY.code, fullName: 'Cán bộ Một' });
			const admin = await createAccount(db, 'Q');
			await db.updateTable('accounts').set({ role: 'admin' }).where('id', '=', admin).execute();
			for (const accountId of [officer, admin]) {
				const refused = await refusal(submitDossier(deps(), accountId, randomUUID(), manifest()));
				expect([refused.status, refused.code]).toEqual([403, 'forbidden']);
				expect(refused.message).toMatch(/tài khoản công dân/);
			}
			expect(await db.selectFrom('dossiers').select('id').execute()).toEqual([]);
		});

		it('replays the same id and content with the same receipt and keeps one dossier', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const id = randomUUID();
			const first = await submitDossier(deps(), me, id, manifest());
			// A retry pressed later (new device clock) is still the same submission.
			const later = { ...deps(), now: () => new Date('2026-03-03T09:00:00Z') };
			const again = await submitDossier(later, me, id, manifest({ submittedAt: '2026-03-03T16:00:00+07:00' }));
			expect(again.status).toBe(200);
			expect(again.receipt).toEqual(first.receipt);
			expect((await db.selectFrom('dossiers').select('id').execute()).length).toBe(1);
			expect((await db.selectFrom('dossier_events').select('id').execute()).length).toBe(1);
		});

		it('refuses different content under a received id with 409 dossier_conflict', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const id = randomUUID();
			await submitDossier(deps(), me, id, manifest());
			const changed = manifest();
			(changed.answers as Record<string, unknown>).tempMonths = '6';
			const e = await refusal(submitDossier(deps(), me, id, changed));
			expect([e.status, e.code]).toEqual([409, 'dossier_conflict']);
			expect(e.message).toMatch(/^Hồ sơ này đã được tiếp nhận với nội dung khác/);
		});

		it("refuses another account's dossier id with 409 dossier_id_taken, revealing nothing", async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const other = await createAccount(db, 'B');
			const id = randomUUID();
			const mine = await submitDossier(deps(), me, id, manifest());
			const e = await refusal(submitDossier(deps(), other, id, manifest()));
			expect([e.status, e.code]).toEqual([409, 'dossier_id_taken']);
			expect(JSON.stringify(e.toJSON())).not.toContain(mine.receipt.code);
			expect(await getDossier(db, other, id)).toBeUndefined();
			expect(await listDossiers(db, other)).toEqual([]);
		});

		it('names each validation failure with its own code and fields', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const put = (body: unknown, id: string = randomUUID()) => refusal(submitDossier(deps(), me, id, body));

			const badId = await put(manifest(), 'not-a-uuid');
			expect([badId.status, badId.code]).toEqual([400, 'invalid_id']);

			const malformed = await put({ ...manifest(), version: 2, agencyCode: 'x' });
			expect([malformed.status, malformed.code]).toEqual([422, 'invalid_manifest']);
			expect(Object.keys(malformed.fields!)).toEqual(expect.arrayContaining(['version', 'agencyCode']));

			const unknown = await put(manifest({ procedureCode: '9.999999' }));
			expect([unknown.status, unknown.code]).toEqual([422, 'unknown_procedure']);

			// An existing agency of the wrong kind (a commune People's Committee) cannot receive a police procedure.
			const agency = await put(manifest({ agencyCode: '001.11.30.H26' }));
			expect([agency.status, agency.code, Object.keys(agency.fields!)]).toEqual([422, 'unknown_agency', ['agencyCode']]);

			// The police of another commune: the right kind, but not where the residence is being registered.
			const elsewhere = await put(manifest({ agencyCode: 'C02.12.30.H26' }));
			expect([elsewhere.status, elsewhere.code, Object.keys(elsewhere.fields!)]).toEqual([422, 'agency_not_competent', ['agencyCode']]);
			expect(elsewhere.message).toBe(
				'Công an xã Kim Anh, Hà Nội không có thẩm quyền giải quyết hồ sơ "Đăng ký tạm trú" này (Điều 28 Luật Cư trú 2020); hãy chọn Công an xã Sóc Sơn, Hà Nội (nơi đăng ký tạm trú).'
			);

			const answers = manifest();
			const a = answers.answers as Record<string, unknown>;
			a.declarantIdNumber = '12345';
			delete a.tempReason;
			const invalid = await put(answers);
			expect([invalid.status, invalid.code]).toEqual([422, 'invalid_answers']);
			expect(Object.keys(invalid.fields!).sort()).toEqual(['declarantIdNumber', 'tempReason']);
			expect(invalid.fields!.declarantIdNumber).toMatch(/12 chữ số|số/);

			// Answers to fields the procedure does not have (issue 12, defect 6): refused, never stored.
			const padded = manifest();
			Object.assign(padded.answers as Record<string, unknown>, { madeUp1: 'x', madeUp2: { a: 1 } });
			const extra = await put(padded);
			expect([extra.status, extra.code, Object.keys(extra.fields!).sort()]).toEqual([422, 'invalid_answers', ['madeUp1', 'madeUp2']]);
			expect(extra.fields!.madeUp1).toBe('Tờ khai của thủ tục này không có mục "madeUp1"');

			// 1.004194 returns its result online or at the counter, never by post.
			const post = await put(manifest({ delivery: { method: 'post', address: { provinceCode: '01', communeCode: '00376', street: 'Số 1' } } }));
			expect([post.code, Object.keys(post.fields!)]).toEqual(['invalid_delivery', ['delivery']]);

			expect(await db.selectFrom('dossiers').select('id').execute()).toEqual([]);
		});

		it('refuses online delivery for a "một phần" procedure', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			// 1.004194 is toàn trình; pretend the catalogue says một phần via a swapped reference.
			const { serverReference } = await import('$lib/server/dossiers/reference');
			const ref = serverReference();
			const partial = { ...ref.getProcedure('1.004194')!, onlineLevel: 'mot-phan' as const };
			const e = await refusal(
				submitDossier({ ...deps(), reference: { ...ref, getProcedure: () => partial } }, me, randomUUID(), manifest())
			);
			expect([e.code, e.fields]).toEqual(['invalid_delivery', { delivery: 'Chỉ thủ tục toàn trình mới nhận kết quả trực tuyến' }]);
		});

		it('checks a postal delivery address against the 2025 units', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const { serverReference } = await import('$lib/server/dossiers/reference');
			const ref = serverReference();
			const base = ref.getProcedure('1.004194')!;
			const byPost = { ...base, result: { ...base.result, delivery: ['counter', 'post'] as ('counter' | 'post')[] } };
			const withPost = { ...deps(), reference: { ...ref, getProcedure: () => byPost } };
			const address = (communeCode: string) => manifest({ delivery: { method: 'post', address: { provinceCode: '01', communeCode, street: 'Số 1' } } });
			const e = await refusal(submitDossier(withPost, me, randomUUID(), address('99999')));
			expect([e.code, Object.keys(e.fields!)]).toEqual(['invalid_delivery', ['delivery.address']]);
			expect((await submitDossier(withPost, me, randomUUID(), address('00376'))).status).toBe(201);
		});

		it("refuses missing and other accounts' blobs, listing them, and writes nothing", async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const other = await createAccount(db, 'B');
			await giveBlob(db, me, sha(1));
			await giveBlob(db, other, sha(2));
			const e = await refusal(submitDossier(deps(), me, randomUUID(), manifest({}, [{ sha256: sha(1) }, { sha256: sha(2) }, { sha256: sha(3) }])));
			expect([e.status, e.code]).toEqual([422, 'missing_blobs']);
			expect(e.toJSON().error.details?.missing).toEqual([sha(2), sha(3)]);
			expect(Object.keys(e.fields!)).toEqual(['attachments.1', 'attachments.2']);
			expect(await db.selectFrom('dossiers').select('id').execute()).toEqual([]);
			expect(await db.selectFrom('dossier_sequences').selectAll().execute()).toEqual([]);
		});

		it('refuses attachments that do not match the form slots', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			await giveBlob(db, me, sha(1));
			const body = manifest({}, [{ sha256: sha(1) }]);
			body.attachments = [];
			const e = await refusal(submitDossier(deps(), me, randomUUID(), body));
			expect([e.code, Object.keys(e.fields!)]).toEqual(['invalid_manifest', ['residenceProofFile']]);
		});

		it('refuses a dossier whose files together exceed the limit with 413', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			for (const n of [1, 2, 3, 4]) await giveBlob(db, me, sha(n), 8 * MiB);
			const files = [1, 2, 3, 4].map((n) => ({ sha256: sha(n), size: 8 * MiB }));
			const e = await refusal(submitDossier(deps(), me, randomUUID(), manifest({}, files)));
			expect([e.status, e.code]).toEqual([413, 'dossier_too_large']);
			expect(e.message).toContain('30 MB');
		});

		it('numbers dossiers per agency and per day, counts after 15:00 from the next working day, and lists mine newest first', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const at = (iso: string) => ({ ...deps(), now: () => new Date(iso) });
			const a = await submitDossier(at('2026-03-02T03:00:00Z'), me, randomUUID(), manifest());
			const b = await submitDossier(at('2026-03-02T09:30:00Z'), me, randomUUID(), manifest()); // 16:30 in Vietnam
			const c = await submitDossier(at('2026-03-03T02:00:00Z'), me, randomUUID(), manifest());
			expect([a, b, c].map((r) => r.receipt.code)).toEqual([
				'C01.11.30.H26-260302-0001',
				'C01.11.30.H26-260302-0002',
				'C01.11.30.H26-260303-0001'
			]);
			expect(b.receipt.appointmentDate).toBe('2026-03-06');
			const list = await listDossiers(db, me);
			expect(list.map((d) => d.code)).toEqual([c, b, a].map((r) => r.receipt.code));
			expect(list[0]).toMatchObject({ procedure: { code: '1.004194' }, status: 1, appointmentDate: c.receipt.appointmentDate });
			const detail = await getDossier(db, me, a.receipt.dossierId);
			expect(detail?.events).toMatchObject([{ status: 1, statusName: 'Mới đăng ký' }]);
		});
	});
});
