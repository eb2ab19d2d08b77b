/**
 * The one place a payment's state changes. Every channel — the VNPay IPN, a bank statement
 * line, the officer's manual match, a payment at the counter — ends here, so "exactly one
 * successful payment per obligation" is written once:
 *
 * - the obligation is claimed with `update … where state = 'pending'` (a row lock on
 *   PostgreSQL, the write lock on SQLite): of any number of concurrent settlements, one
 *   sees its row updated, the others see none;
 * - a unique partial index (payments where state = 'paid', per obligation) backs it up;
 * - a second success for an obligation already paid by another payment is not counted:
 *   that payment ends `failed` with a `refund_due` event for the officer.
 *
 * Once the settlement has committed, the fee's e-receipt is issued (payments/receipt-paper.ts):
 * outside the transaction, so building a PDF never holds the write lock, and never able to undo
 * a payment that is already counted.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { inWriteTransaction } from '../dossiers/transaction';
import { resumeAfterPayment } from './dossier-status';
import { issueReceiptAfterSettlement, type ReceiptDeps } from './receipt-paper';

export type Settlement = { kind: 'paid'; providerRef: string | null } | { kind: 'failed' | 'expired'; providerRef?: string | null; reason: string };
export type SettleResult = 'settled' | 'already' | 'refund_due';

export async function logPaymentEvent(
	db: Kysely<Database>,
	e: { paymentId?: string | null; obligationId?: string | null; kind: string; detail?: unknown },
	now: Date = new Date()
): Promise<void> {
	await db
		.insertInto('payment_events')
		.values({
			id: randomUUID(),
			payment_id: e.paymentId ?? null,
			obligation_id: e.obligationId ?? null,
			kind: e.kind,
			at: now.toISOString(),
			detail: e.detail === undefined ? null : JSON.stringify(e.detail)
		})
		.execute();
}

export class AlreadySettled extends Error {}

/** What a settlement needs: the database, and the data folder the e-receipt is kept in. */
export type SettleDeps = ReceiptDeps;

export async function settlePayment(deps: SettleDeps, paymentId: string, outcome: Settlement, detail?: unknown, now = new Date()): Promise<SettleResult> {
	let result: SettleResult;
	try {
		result = await inWriteTransaction(deps.db, (trx) => settleWithin(trx, paymentId, outcome, detail, now));
	} catch (error) {
		if (error instanceof AlreadySettled) return 'already';
		throw error;
	}
	if (result === 'settled' && outcome.kind === 'paid') await issueReceiptAfterSettlement(deps, paymentId);
	return result;
}

/**
 * The settlement inside a write transaction the caller holds (the officer's manual match claims
 * the bank transfer in the same one; it issues the receipt after its commit). Throws
 * `AlreadySettled` when the payment was settled between its read and its update.
 */
export async function settleWithin(trx: Kysely<Database>, paymentId: string, outcome: Settlement, detail: unknown, now: Date): Promise<SettleResult> {
	const at = now.toISOString();
	const payment = await trx.selectFrom('payments').select(['obligation_id', 'dossier_id', 'state']).where('id', '=', paymentId).executeTakeFirst();
	if (!payment || payment.state !== 'pending') return 'already';
	const ids = { paymentId, obligationId: payment.obligation_id };
	if (outcome.kind !== 'paid') {
		const r = await trx
			.updateTable('payments')
			.set({ state: outcome.kind, provider_ref: outcome.providerRef ?? null, updated_at: at })
			.where('id', '=', paymentId)
			.where('state', '=', 'pending')
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return 'already';
		await logPaymentEvent(trx, { ...ids, kind: outcome.kind, detail: { reason: outcome.reason, ...(detail ? { provider: detail } : {}) } }, now);
		return 'settled';
	}
	const claimed = await trx
		.updateTable('payment_obligations')
		.set({ state: 'paid', paid_payment_id: paymentId, paid_at: at })
		.where('id', '=', payment.obligation_id)
		.where('state', '=', 'pending')
		.executeTakeFirst();
	if (Number(claimed.numUpdatedRows) === 0) {
		// Paid (or cancelled) already: by this payment → a replay; by another → money to give back.
		const ob = await trx.selectFrom('payment_obligations').select(['paid_payment_id']).where('id', '=', payment.obligation_id).executeTakeFirstOrThrow();
		if (ob.paid_payment_id === paymentId) return 'already';
		const r = await trx
			.updateTable('payments')
			.set({ state: 'failed', provider_ref: outcome.providerRef, updated_at: at })
			.where('id', '=', paymentId)
			.where('state', '=', 'pending')
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return 'already';
		await logPaymentEvent(trx, { ...ids, kind: 'refund_due', detail: { reason: 'Nghĩa vụ đã được thanh toán bằng giao dịch khác; cần hoàn tiền', ...(detail ? { provider: detail } : {}) } }, now);
		return 'refund_due';
	}
	const r = await trx
		.updateTable('payments')
		.set({ state: 'paid', provider_ref: outcome.providerRef, paid_at: at, updated_at: at })
		.where('id', '=', paymentId)
		.where('state', '=', 'pending')
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new AlreadySettled();
	await logPaymentEvent(trx, { ...ids, kind: 'paid', detail: detail ?? null }, now);
	await resumeAfterPayment(trx, payment.dossier_id, now);
	return 'settled';
}
