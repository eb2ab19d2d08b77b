/**
 * Level 3: the fee paid at the desk. Only an officer of the dossier's agency records it, with
 * the paper receipt's number; it settles the obligation once (the same receipt again is the
 * same payment, another one is refused), and the citizen's view shows it.
 */
import { describe, expect, it } from 'vitest';
import { recordCounterPayment } from '$lib/server/payments/counter';
import { obligationsOf } from '$lib/server/payments/obligations';
import { forEachDatabase } from '../helpers/databases';
import { createOfficer, citizen } from '../workflow/fixtures';
import { dossierAwaitingFees, paymentConfig } from './fixtures';

describe('payment at the counter', () => {
	forEachDatabase((t) => {
		it('settles the obligation once with the receipt number, resumes the dossier, and shows it to the citizen', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db, 16000);
			const deps = { db, config: paymentConfig };
			const body = { obligationId: d.obligationId, tender: 'cash', receiptNumber: 'BL 0000123' };
			const [first, again] = await Promise.all([recordCounterPayment(deps, d.officer, d.dossierId, body), recordCounterPayment(deps, d.officer, d.dossierId, body)]);
			expect(first).toMatchObject({ state: 'paid', vietqr: null, payment: { method: 'counter', amount: 16000, providerRef: 'BL 0000123' } });
			expect(again).toEqual(first);
			const payments = await db.selectFrom('payments').select(['state', 'recorded_by']).where('dossier_id', '=', d.dossierId).execute();
			expect(payments).toEqual([{ state: 'paid', recorded_by: d.officer.id }]);
			expect(Number((await db.selectFrom('dossiers').select('status').where('id', '=', d.dossierId).executeTakeFirstOrThrow()).status)).toBe(4);
			const [seen] = await obligationsOf(db, d.dossierId, paymentConfig.vietqr);
			expect(seen.payment).toMatchObject({ method: 'counter', providerRef: 'BL 0000123' });

			await expect(recordCounterPayment(deps, d.officer, d.dossierId, { ...body, receiptNumber: 'BL 0000124' })).rejects.toMatchObject({ code: 'already_paid' });
			const events = await db.selectFrom('payment_events').select('kind').where('obligation_id', '=', d.obligationId).where('kind', '=', 'paid').execute();
			expect(events).toHaveLength(1);
		});

		it("refuses another agency's officer (404), a citizen (403) and a receipt number with odd characters, changing nothing", async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db);
			const deps = { db, config: paymentConfig };
			const body = { obligationId: d.obligationId, tender: 'card', receiptNumber: 'BL-9' };
			const foreign = await createOfficer(db, '001.11.30.H40', 'Hồ Thị Tỉnh Khác');
			await expect(recordCounterPayment(deps, foreign, d.dossierId, body)).rejects.toMatchObject({ code: 'not_found' });
			const owner = { ...(await citizen(db, 'Z')), id: d.accountId };
			await expect(recordCounterPayment(deps, owner, d.dossierId, body)).rejects.toMatchObject({ code: 'forbidden' });
			const bad = recordCounterPayment(deps, d.officer, d.dossierId, { ...body, receiptNumber: '<b>1</b>' });
			await expect(bad).rejects.toMatchObject({ code: 'invalid_input', fields: { receiptNumber: expect.stringMatching(/chữ, số/) } });
			expect(await db.selectFrom('payments').select('id').where('dossier_id', '=', d.dossierId).execute()).toEqual([]);
		});
	});
});
