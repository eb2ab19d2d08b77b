/**
 * The fee e-receipt is issued when the payment is counted, by every channel (VNPay IPN,
 * reconciliation, the counter, the officer's manual match), not when someone reads: after the
 * settlement the owner's receipt paper and its file exist, and nothing was listed to make them.
 * A receipt that could not be made then is made by the housekeeping catch-up, once. With several
 * paid fees, GET /api/dossiers/{id}/receipt names the fee or is refused as ambiguous.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { StatementLine } from '$lib/domain/bank-statement';
import { RECEIPT_TYPE } from '$lib/domain/pdf/fee-receipt';
import { blobPath } from '$lib/server/blobs/store';
import type { Database } from '$lib/server/db/types';
import { runHousekeeping } from '$lib/server/housekeeping';
import { recordCounterPayment } from '$lib/server/payments/counter';
import { DEV_MERCHANT } from '$lib/server/payments/gateway';
import { handleVnpayIpn } from '$lib/server/payments/ipn';
import { matchTransfer } from '$lib/server/payments/manual-match';
import { reconcileStatement } from '$lib/server/payments/reconcile';
import { issueMissingReceipts, serveFeeReceipt } from '$lib/server/payments/receipt-paper';
import { applyAction } from '$lib/server/workflow/actions';
import { accountError as refusal } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';
import { act } from '../workflow/fixtures';
import { dossierAwaitingFees, paymentConfig, settleDeps, vnpayAttempt } from './fixtures';

const AT = '2026-12-07T02:15:00.000Z';
const line = (transactionId: string, amount: number, description: string): StatementLine => ({ transactionId, amount, description, at: AT });

async function receiptPapers(db: Kysely<Database>, dossierId: string) {
	return db.selectFrom('papers').select(['id', 'account_id', 'origin', 'sha256', 'event_id', 'type']).where('dossier_id', '=', dossierId).where('type_id', '=', RECEIPT_TYPE).execute();
}

async function paidPaymentOf(db: Kysely<Database>, obligationId: string): Promise<string> {
	const row = await db.selectFrom('payment_obligations').select('paid_payment_id').where('id', '=', obligationId).executeTakeFirstOrThrow();
	return row.paid_payment_id!;
}

describe('fee e-receipts issued at settlement', () => {
	forEachDatabase((t) => {
		const deps = () => ({ db: t().db, config: paymentConfig });

		/** The one receipt paper of this obligation's payment, its file in the store. */
		async function expectIssued(d: { dossierId: string; accountId: string; obligationId: string }) {
			const { db } = t();
			const papers = await receiptPapers(db, d.dossierId);
			expect(papers).toEqual([
				expect.objectContaining({ account_id: d.accountId, origin: 'issued', type: 'application/pdf', event_id: `payment:${await paidPaymentOf(db, d.obligationId)}` })
			]);
			expect(existsSync(blobPath(paymentConfig.dataDir, papers[0].sha256))).toBe(true);
			return papers[0];
		}

		it('VNPay IPN: the receipt paper exists once the IPN is answered, and a repeated IPN adds none', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db);
			const { params } = await vnpayAttempt(deps(), d);
			expect(await receiptPapers(db, d.dossierId)).toEqual([]);
			expect((await handleVnpayIpn(settleDeps(db), DEV_MERCHANT.hashSecret, params)).RspCode).toBe('00');
			const paper = await expectIssued(d);
			expect((await handleVnpayIpn(settleDeps(db), DEV_MERCHANT.hashSecret, params)).RspCode).toBe('02');
			expect((await expectIssued(d)).id).toBe(paper.id);
		});

		it('a failed VNPay payment issues no receipt', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db);
			const { params } = await vnpayAttempt(deps(), d, 'insufficient');
			expect((await handleVnpayIpn(settleDeps(db), DEV_MERCHANT.hashSecret, params)).RspCode).toBe('00');
			expect(await receiptPapers(db, d.dossierId)).toEqual([]);
		});

		it('reconciliation, the counter and the manual match each issue the receipt when they settle', async () => {
			const { db } = t();
			const byBank = await dossierAwaitingFees(db);
			const { reference } = await db.selectFrom('payment_obligations').select('reference').where('id', '=', byBank.obligationId).executeTakeFirstOrThrow();
			const [reconciled] = await reconcileStatement(settleDeps(db), [line(`FT-R-${byBank.dossierId.slice(0, 8)}`, 16000, `ND ${reference}`)], 'bank');
			expect(reconciled.outcome).toBe('paid');
			await expectIssued(byBank);

			const atCounter = await dossierAwaitingFees(db);
			await recordCounterPayment(deps(), atCounter.officer, atCounter.dossierId, { obligationId: atCounter.obligationId, tender: 'cash', receiptNumber: 'BL-0000900' });
			await expectIssued(atCounter);

			const byHand = await dossierAwaitingFees(db);
			const transferId = `FT-M-${byHand.dossierId.slice(0, 8)}`;
			const [unplaced] = await reconcileStatement(settleDeps(db), [line(transferId, 16000, 'chuyen tien le phi NGUYEN VAN A')], 'bank');
			expect(unplaced.outcome).toBe('no_reference');
			await matchTransfer(deps(), byHand.officer, byHand.dossierId, { transferId, obligationId: byHand.obligationId });
			await expectIssued(byHand);
		});

		it('a receipt that could not be made at settlement leaves the payment counted, and housekeeping issues it once', async () => {
			const { db } = t();
			// A data folder that cannot hold files (a plain file in its place): the PDF cannot be stored.
			const broken = mkdtempSync(join(tmpdir(), 'dvc-broken-'));
			const notADir = join(broken, 'data');
			writeFileSync(notADir, 'not a folder');
			try {
				const d = await dossierAwaitingFees(db);
				const { params } = await vnpayAttempt(deps(), d);
				expect((await handleVnpayIpn({ db, dataDir: notADir }, DEV_MERCHANT.hashSecret, params)).RspCode).toBe('00');
				expect(await db.selectFrom('payment_obligations').select('state').where('id', '=', d.obligationId).executeTakeFirstOrThrow()).toEqual({ state: 'paid' });
				expect(await receiptPapers(db, d.dossierId)).toEqual([]);

				const report = await runHousekeeping({ db, dataDir: paymentConfig.dataDir });
				expect(report.receiptsIssued).toBeGreaterThanOrEqual(1);
				await expectIssued(d);
				// Nothing left to catch up: a second run (another instance, the next hour) issues none.
				expect(await issueMissingReceipts({ db, dataDir: paymentConfig.dataDir })).toBe(0);
				expect(await receiptPapers(db, d.dossierId)).toHaveLength(1);
			} finally {
				rmSync(broken, { recursive: true, force: true });
			}
		});

		it('with two paid fees, the receipt is served per fee and refused as ambiguous without one', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db, 16000);
			await recordCounterPayment(deps(), d.officer, d.dossierId, { obligationId: d.obligationId, tender: 'cash', receiptNumber: 'BL-0000901' });
			const owner = { id: d.accountId, role: 'citizen' as const, agencyCode: null, fullName: 'Nguyễn Văn A' };
			const receiptDeps = { db, dataDir: paymentConfig.dataDir };
			// One paid fee: the receipt needs no naming.
			expect((await serveFeeReceipt(receiptDeps, owner, d.dossierId, null, false)).status).toBe(200);

			await applyAction(d.deps, d.officer, d.dossierId, act('request-payment', { amount: 50000, items: [{ name: 'Phí cấp bản sao', amount: 50000 }] }));
			const second = await db.selectFrom('payment_obligations').select('id').where('dossier_id', '=', d.dossierId).where('id', '!=', d.obligationId).executeTakeFirstOrThrow();
			await recordCounterPayment(deps(), d.officer, d.dossierId, { obligationId: second.id, tender: 'card', receiptNumber: 'BL-0000902' });
			expect(await receiptPapers(db, d.dossierId)).toHaveLength(2);

			const ambiguous = await refusal(serveFeeReceipt(receiptDeps, owner, d.dossierId, null, false));
			expect([ambiguous.status, ambiguous.code]).toEqual([400, 'obligation_required']);
			expect(ambiguous.message).toMatch(/2 khoản phí đã thanh toán/);
			expect((ambiguous.details?.obligations as { id: string }[]).map((o) => o.id).sort()).toEqual([d.obligationId, second.id].sort());

			const bodies = [];
			for (const id of [d.obligationId, second.id]) {
				const response = await serveFeeReceipt(receiptDeps, d.officer, d.dossierId, id, true);
				expect(response.status).toBe(200);
				bodies.push(Buffer.from(await response.arrayBuffer()));
			}
			expect(bodies[0].equals(bodies[1])).toBe(false);
			const unknown = await refusal(serveFeeReceipt(receiptDeps, owner, d.dossierId, '00000000-0000-4000-8000-000000000000', false));
			expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
		});
	});
});
