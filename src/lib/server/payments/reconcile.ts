/**
 * Bank-transfer reconciliation (VietQR): a transfer sends no callback, so the fee account's
 * statement is read — pushed by the bank (`POST /api/payments/bank-statement`, bearer token)
 * or imported as CSV by an administrator (/admin/bank-statement). Each line is kept once by
 * the bank's transaction id; its description is searched for an obligation's payment
 * reference (the one the VietQR code carried in tag 62), and only a line for exactly the
 * obligation's amount pays it, through the same `settlePayment` as every other channel:
 * the obligation is paid once, whatever is sent again. Anything else is refused with the
 * reason, and stays unmatched for a person to look at: an officer of the dossier's agency then
 * matches it by hand (./manual-match.ts), under the same transfer reference, so still once.
 */
import type { Kysely } from 'kysely';
import { referenceCandidates, type StatementLine } from '$lib/domain/bank-statement';
import { formatVnd } from '$lib/domain/format';
import type { TransferOutcome, TransferResult } from '$lib/domain/wire/payments';
import type { Database } from '../db/types';
import { transferTxnRef } from './manual-match';
import { logPaymentEvent, settlePayment, type SettleDeps } from './settle';
import { paymentOnce } from './start';

const MESSAGES: Record<TransferOutcome, string> = {
	paid: 'Đã ghi nhận: hồ sơ {code} đã nộp {amount}.',
	replayed: 'Giao dịch này đã được đối soát trước đó; không ghi nhận lần nữa.',
	no_reference: 'Nội dung chuyển khoản không có mã thanh toán (bắt đầu bằng HS) của hồ sơ nào; cần đối chiếu thủ công.',
	amount_mismatch: 'Số tiền {amount} khác số phải nộp {expected} của hồ sơ {code}; chưa ghi nhận, cần đối chiếu với người nộp.',
	already_paid: 'Khoản phí của hồ sơ {code} đã được thanh toán bằng giao dịch khác; cần hoàn lại {amount} cho người chuyển.',
	cancelled: 'Yêu cầu nộp phí của hồ sơ {code} đã bị hủy; cần hoàn lại {amount} cho người chuyển.'
};

function result(line: StatementLine, outcome: TransferOutcome, found?: { reference: string; code: string; amount: number }): TransferResult {
	const message = MESSAGES[outcome]
		.replace('{code}', found?.code ?? '')
		.replace('{amount}', formatVnd(line.amount))
		.replace('{expected}', found ? formatVnd(found.amount) : '');
	return {
		transactionId: line.transactionId,
		amount: line.amount,
		outcome,
		message,
		...(found ? { reference: found.reference, dossierCode: found.code } : {}),
		...(found && outcome === 'amount_mismatch' ? { expected: found.amount } : {})
	};
}

/** Reads a statement line by line (in order); `by` is who imported it (an account id) or 'bank' for the webhook. */
export async function reconcileStatement(deps: SettleDeps, lines: readonly StatementLine[], by: string, now = new Date()): Promise<TransferResult[]> {
	const results: TransferResult[] = [];
	for (const line of lines) results.push(await reconcileLine(deps, line, by, now));
	return results;
}

async function reconcileLine(deps: SettleDeps, line: StatementLine, by: string, now: Date): Promise<TransferResult> {
	const { db } = deps;
	// The bank's transaction id is the row: a line sent again is the same transfer.
	await db
		.insertInto('bank_transfers')
		.values({ id: line.transactionId, amount: line.amount, description: line.description, received_at: line.at, matched_obligation_id: null, matched_by: null, matched_at: null })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	const transfer = await db.selectFrom('bank_transfers').selectAll().where('id', '=', line.transactionId).executeTakeFirstOrThrow();
	// What the bank first said is what counts (a replay with another amount changes nothing).
	const booked: StatementLine = { ...line, amount: Number(transfer.amount), description: transfer.description };

	// Matched by an officer's hand (./manual-match.ts) since: counted once, nothing more to do.
	if (transfer.matched_obligation_id) {
		const ob = await db
			.selectFrom('payment_obligations as o')
			.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
			.select(['o.reference', 'o.amount', 'd.code'])
			.where('o.id', '=', transfer.matched_obligation_id)
			.executeTakeFirst();
		if (ob) return result(booked, 'replayed', { reference: ob.reference, code: ob.code, amount: Number(ob.amount) });
	}
	const candidates = referenceCandidates(booked.description);
	const matches = candidates.length
		? await db
				.selectFrom('payment_obligations as o')
				.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
				.select(['o.id', 'o.amount', 'o.state', 'o.reference', 'o.dossier_id', 'o.paid_payment_id', 'd.code'])
				.where('o.reference', 'in', candidates)
				.execute()
		: [];
	// The longest reference found is the one written (HS…N1 is inside HS…N12).
	const ob = matches.sort((a, b) => b.reference.length - a.reference.length)[0];
	if (!ob) return result(booked, 'no_reference');
	const found = { reference: ob.reference, code: ob.code, amount: Number(ob.amount) };
	const txnRef = transferTxnRef(transfer.id);

	if (booked.amount !== found.amount) {
		if (!transfer.matched_at) await logPaymentEvent(db, { obligationId: ob.id, kind: 'transfer_mismatch', detail: { transactionId: transfer.id, amount: booked.amount, expected: found.amount } }, now);
		return result(booked, 'amount_mismatch', found);
	}
	const paymentId = await paymentOnce(db, { obligationId: ob.id, dossierId: ob.dossier_id, method: 'vietqr', amount: booked.amount, payer: null, txnRef, recordedBy: by === 'bank' ? undefined : by }, now);
	const settled = await settlePayment(deps, paymentId, { kind: 'paid', providerRef: transfer.id }, { transactionId: transfer.id, description: booked.description, by }, now);
	if (settled === 'settled') {
		await db.updateTable('bank_transfers').set({ matched_obligation_id: ob.id, matched_by: by, matched_at: now.toISOString() }).where('id', '=', transfer.id).where('matched_obligation_id', 'is', null).execute();
		return result(booked, 'paid', found);
	}
	if (settled === 'refund_due') return result(booked, ob.state === 'cancelled' ? 'cancelled' : 'already_paid', found);
	// 'already': this very transfer was counted before, or was refused before (paid by another).
	const payment = await db.selectFrom('payments').select('state').where('id', '=', paymentId).executeTakeFirstOrThrow();
	if (payment.state === 'paid') return result(booked, 'replayed', found);
	return result(booked, ob.state === 'cancelled' ? 'cancelled' : 'already_paid', found);
}
