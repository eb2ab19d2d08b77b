/**
 * Bank-transfer reconciliation (VietQR): a statement line whose description carries an
 * obligation's payment reference and exactly its amount pays it once — whatever is sent again
 * or at the same moment — and every other line is refused with its reason, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import type { StatementLine } from '$lib/domain/bank-statement';
import { obligationsOf } from '$lib/server/payments/obligations';
import { reconcileStatement } from '$lib/server/payments/reconcile';
import { forEachDatabase } from '../helpers/databases';
import { dossierAwaitingFees, paymentConfig, settleDeps } from './fixtures';

const AT = '2026-12-07T02:15:00.000Z';
const line = (transactionId: string, amount: number, description: string): StatementLine => ({ transactionId, amount, description, at: AT });

describe('bank-transfer reconciliation', () => {
	forEachDatabase((t) => {
		async function awaiting(amount = 16000) {
			const { db } = t();
			const d = await dossierAwaitingFees(db, amount);
			const { reference } = await db.selectFrom('payment_obligations').select('reference').where('id', '=', d.obligationId).executeTakeFirstOrThrow();
			return { ...d, reference };
		}
		const paymentsOf = (dossierId: string) => t().db.selectFrom('payments').select(['state', 'method', 'provider_ref']).where('dossier_id', '=', dossierId).execute();

		it('pays the obligation once from a description the bank wrapped, resumes the dossier, and 20 concurrent copies change nothing more', async () => {
			const { db } = t();
			const d = await awaiting();
			// The banking app adds its own words, drops the spaces and lower-cases it.
			const wrapped = line('FT26341000001', 16000, `MBVCB.4471.${d.reference.toLowerCase()}.CT tu 0011000123 NGUYEN VAN DAN`);
			const runs = await Promise.all(Array.from({ length: 20 }, () => reconcileStatement(settleDeps(db), [wrapped], 'bank')));
			const outcomes = runs.map(([r]) => r.outcome).sort();
			expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1);
			expect(outcomes.filter((o) => o !== 'paid')).toEqual(Array(19).fill('replayed'));
			expect(runs.find(([r]) => r.outcome === 'paid')![0]).toMatchObject({ reference: d.reference, dossierCode: expect.any(String), message: expect.stringContaining('16.000') });
			expect(await paymentsOf(d.dossierId)).toEqual([{ state: 'paid', method: 'vietqr', provider_ref: 'FT26341000001' }]);
			const [ob] = await obligationsOf(db, d.dossierId, paymentConfig.vietqr);
			expect(ob).toMatchObject({ state: 'paid', payment: { method: 'vietqr', amount: 16000, providerRef: 'FT26341000001' } });
			expect(Number((await db.selectFrom('dossiers').select('status').where('id', '=', d.dossierId).executeTakeFirstOrThrow()).status)).toBe(4);
			const transfer = await db.selectFrom('bank_transfers').selectAll().where('id', '=', 'FT26341000001').executeTakeFirstOrThrow();
			expect(transfer).toMatchObject({ matched_obligation_id: d.obligationId, matched_by: 'bank' });
			expect(await db.selectFrom('payment_events').select('kind').where('obligation_id', '=', d.obligationId).where('kind', '=', 'paid').execute()).toHaveLength(1);
		});

		it('refuses a wrong amount and a description without a reference, keeping them unmatched; the right amount later pays', async () => {
			const { db } = t();
			const d = await awaiting(16000);
			const [short, none] = await reconcileStatement(settleDeps(db), [line('FT-A', 15000, `${d.reference} le phi`), line('FT-B', 16000, 'chuyen tien le phi khai sinh')], 'admin-1');
			expect(short).toMatchObject({ outcome: 'amount_mismatch', reference: d.reference });
			expect(short.message).toMatch(/15\.000.*16\.000/);
			expect(none).toMatchObject({ outcome: 'no_reference' });
			expect(none.message).toContain('đối chiếu thủ công');
			expect(await paymentsOf(d.dossierId)).toEqual([]);
			expect((await obligationsOf(db, d.dossierId, paymentConfig.vietqr))[0].state).toBe('pending');
			const unmatched = await db.selectFrom('bank_transfers').select(['id', 'matched_obligation_id']).where('id', 'in', ['FT-A', 'FT-B']).orderBy('id').execute();
			expect(unmatched).toEqual([{ id: 'FT-A', matched_obligation_id: null }, { id: 'FT-B', matched_obligation_id: null }]);
			// The same line sent again with another amount is still the bank's first word.
			expect((await reconcileStatement(settleDeps(db), [line('FT-A', 16000, d.reference)], 'bank'))[0].outcome).toBe('amount_mismatch');

			const [paid] = await reconcileStatement(settleDeps(db), [line('FT-C', 16000, `ND: ${d.reference}`)], 'admin-1');
			expect(paid.outcome).toBe('paid');
			// A second, different transfer for the paid fee: money to give back, not a second payment.
			const [twice] = await reconcileStatement(settleDeps(db), [line('FT-D', 16000, d.reference)], 'bank');
			expect(twice).toMatchObject({ outcome: 'already_paid' });
			expect(twice.message).toContain('hoàn lại');
			const payments = await paymentsOf(d.dossierId);
			expect(payments.filter((p) => p.state === 'paid')).toEqual([{ state: 'paid', method: 'vietqr', provider_ref: 'FT-C' }]);
			expect(await db.selectFrom('payment_events').select('kind').where('obligation_id', '=', d.obligationId).where('kind', '=', 'refund_due').execute()).toHaveLength(1);
			// Replaying the refused one changes nothing either.
			expect((await reconcileStatement(settleDeps(db), [line('FT-D', 16000, d.reference)], 'bank'))[0].outcome).toBe('already_paid');
			expect(await db.selectFrom('payment_events').select('kind').where('obligation_id', '=', d.obligationId).where('kind', '=', 'refund_due').execute()).toHaveLength(1);
		});

		it('tells the transfers of two dossiers apart in one statement', async () => {
			const { db } = t();
			const a = await awaiting(16000);
			const b = await awaiting(8000);
			const results = await reconcileStatement(settleDeps(db), [line('FT-E', 8000, `thanh toan ${b.reference}`), line('FT-F', 16000, `thanh toan ${a.reference}`)], 'bank');
			expect(results.map((r) => [r.outcome, r.reference])).toEqual([
				['paid', b.reference],
				['paid', a.reference]
			]);
		});
	});
});
