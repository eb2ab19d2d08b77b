/**
 * The officer's manual match (issue 15): a bank-statement line reconciliation could not place
 * (no HS… reference, a mistyped one, the amount of another dossier) is kept unmatched; an
 * officer of the dossier's agency, or an administrator, who has checked with the payer matches
 * it to one open obligation of the same amount.
 *
 * Exactly once, in one write transaction: the transfer row is claimed (`matched_obligation_id
 * is null`), its payment is inserted under the transfer's own provider reference `bank:<id>`
 * (unique: the same line can never make a second payment, whether reconciliation or another
 * officer got there first), and the obligation is settled by the same `settleWithin` as every
 * other channel. Of two concurrent matches one commits; the other is rolled back whole and
 * told why. The dossier's history records who matched which transfer.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { formatVnd } from '$lib/domain/format';
import { manualMatchSchema, type Obligation, type UnmatchedTransfer } from '$lib/domain/wire/payments';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { inWriteTransaction, isUniqueViolation } from '../dossiers/transaction';
import { ApiError } from '../http/api-error';
import { parseWith } from '../http/respond';
import type { ActingAccount } from '../workflow/actions';
import { obligationsOf } from './obligations';
import { issueReceiptAfterSettlement } from './receipt-paper';
import { AlreadySettled, settleWithin } from './settle';
import { insertPayment } from './start';

const NOT_FOUND = 'Không tìm thấy khoản thu này trong hồ sơ của cơ quan bạn.';
const TRANSFER_NOT_FOUND = 'Không tìm thấy giao dịch chuyển khoản này trong sao kê đã nhận.';
const TRANSFER_TAKEN = 'Giao dịch này vừa được ghép hoặc đối soát vào một khoản phí khác; hãy tải lại trang và chọn giao dịch khác.';
const OBLIGATION_PAID = 'Khoản phí này vừa được thanh toán bằng cách khác; không ghép thêm giao dịch.';

/** The transfer's payment reference: the same one automatic reconciliation uses, so a line pays once whoever places it. */
export const transferTxnRef = (transferId: string) => `bank:${transferId}`;

/** Statement lines no obligation took and no reconciliation refused for another reason, newest first (`amount`: only those of that amount). */
export async function unmatchedTransfers(db: Kysely<Database>, filter: { amount?: number } = {}, limit = 200): Promise<UnmatchedTransfer[]> {
	let query = db
		.selectFrom('bank_transfers as t')
		.select(['t.id', 't.amount', 't.description', 't.received_at'])
		.where('t.matched_obligation_id', 'is', null)
		// A line counted or refused (paid already, cancelled) has its payment row: it is not "unmatched".
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('payments as p').select('p.id').whereRef('p.txn_ref', '=', sql<string>`'bank:' || t.id`))));
	if (filter.amount !== undefined) query = query.where('t.amount', '=', filter.amount);
	const rows = await query.orderBy('t.received_at', 'desc').orderBy('t.id').limit(limit).execute();
	return rows.map((r) => ({ id: r.id, amount: Number(r.amount), description: r.description, receivedAt: r.received_at }));
}

export function requireMatcher(account: ActingAccount): void {
	if (account.role !== 'officer' && account.role !== 'admin') throw new ApiError('forbidden', 'Chỉ cán bộ của cơ quan hoặc quản trị viên mới ghép được giao dịch chuyển khoản.');
}

export async function matchTransfer(
	deps: { db: Kysely<Database>; config: Pick<Config, 'vietqr' | 'dataDir'>; now?: () => Date },
	account: ActingAccount,
	dossierId: string,
	body: unknown
): Promise<Obligation> {
	const request = parseWith(manualMatchSchema, body, 'invalid_input', 'Hãy chọn giao dịch chuyển khoản và khoản thu');
	requireMatcher(account);
	const { db } = deps;
	const ob = await db
		.selectFrom('payment_obligations as o')
		.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
		.select(['o.id', 'o.amount', 'o.state', 'o.paid_payment_id', 'd.agency_code', 'd.status'])
		.where('o.id', '=', request.obligationId)
		.where('o.dossier_id', '=', dossierId)
		.executeTakeFirst();
	if (!ob || (account.role === 'officer' && (!account.agencyCode || ob.agency_code !== account.agencyCode))) throw new ApiError('not_found', NOT_FOUND);
	const answer = async () => (await obligationsOf(db, dossierId, deps.config.vietqr)).find((o) => o.id === ob.id)!;

	const transfer = await db.selectFrom('bank_transfers').selectAll().where('id', '=', request.transferId).executeTakeFirst();
	if (!transfer) throw new ApiError('not_found', TRANSFER_NOT_FOUND, { fields: { transferId: 'Không có giao dịch này' } });
	// The same match sent again (a double click, a lost answer): what it did the first time.
	if (transfer.matched_obligation_id === ob.id && ob.state === 'paid') return answer();
	if (transfer.matched_obligation_id) throw new ApiError('transfer_matched', TRANSFER_TAKEN, { fields: { transferId: 'Đã được ghép' } });
	if (ob.state === 'paid') throw new ApiError('already_paid', OBLIGATION_PAID);
	if (ob.state !== 'pending') throw new ApiError('action_not_allowed', 'Khoản phí này đã được hủy; không ghép giao dịch.');
	const amount = Number(ob.amount);
	if (Number(transfer.amount) !== amount)
		throw new ApiError('transfer_amount_mismatch', `Giao dịch ${formatVnd(Number(transfer.amount))} khác số phải nộp ${formatVnd(amount)}; chỉ ghép được giao dịch đúng số tiền.`, {
			fields: { transferId: 'Sai số tiền' }
		});

	const now = deps.now?.() ?? new Date();
	const at = now.toISOString();
	let matchedPayment: string;
	try {
		matchedPayment = await inWriteTransaction(db, async (trx) => {
			const claimed = await trx
				.updateTable('bank_transfers')
				.set({ matched_obligation_id: ob.id, matched_by: account.id, matched_at: at })
				.where('id', '=', transfer.id)
				.where('matched_obligation_id', 'is', null)
				.executeTakeFirst();
			if (Number(claimed.numUpdatedRows) === 0) throw new ApiError('transfer_matched', TRANSFER_TAKEN, { fields: { transferId: 'Đã được ghép' } });
			const dossier = await trx.selectFrom('dossiers').select(['status', 'appointment_date']).where('id', '=', dossierId).executeTakeFirstOrThrow();
			// Who matched which line, before the settlement's own "paid" event (1 ms later, so the history reads in order).
			await trx
				.insertInto('dossier_events')
				.values({
					id: randomUUID(),
					dossier_id: dossierId,
					status: Number(dossier.status),
					from_status: Number(dossier.status),
					at,
					action: 'match-transfer',
					actor_id: account.id,
					actor_role: account.role,
					actor_name: account.fullName,
					agency_code: account.agencyCode,
					note: `Đối soát thủ công: giao dịch chuyển khoản ${transfer.id} (${formatVnd(amount)}) được ghép vào khoản phí của hồ sơ.`,
					payload: JSON.stringify({ transactionId: transfer.id, amount, obligationId: ob.id }),
					appointment_date: dossier.appointment_date
				})
				.execute();
			const paymentId = await insertPayment(trx, { obligationId: ob.id, dossierId, method: 'vietqr', amount, payer: null, txnRef: transferTxnRef(transfer.id), recordedBy: account.id }, now);
			const settled = await settleWithin(
				trx,
				paymentId,
				{ kind: 'paid', providerRef: transfer.id },
				{ transactionId: transfer.id, description: transfer.description, by: account.id, manual: true, byName: account.fullName },
				new Date(now.getTime() + 1)
			);
			// Anything but a clean settlement undoes the claim and the payment with it.
			if (settled !== 'settled') throw new ApiError('already_paid', OBLIGATION_PAID);
			return paymentId;
		});
	} catch (error) {
		if (error instanceof AlreadySettled) throw new ApiError('already_paid', OBLIGATION_PAID);
		// `bank:<id>` taken: reconciliation counted (or refused) this very line in the meantime.
		if (isUniqueViolation(error)) throw new ApiError('transfer_matched', TRANSFER_TAKEN, { fields: { transferId: 'Đã được ghép' } });
		throw error;
	}
	// Committed: the citizen's e-receipt, as for every other channel (settlePayment).
	await issueReceiptAfterSettlement({ db, dataDir: deps.config.dataDir }, matchedPayment);
	return answer();
}
