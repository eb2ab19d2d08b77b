/**
 * POST /api/dossiers/{id}/payments: the citizen starts paying one obligation of their own
 * dossier, by VNPay (answered with the gateway URL to open) or by bank transfer (answered
 * with the VietQR payload). Starting changes no money state: only the IPN, a bank statement
 * line or an officer settles a payment.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PAYMENT_TTL_MINUTES } from '$lib/domain/payment';
import type { StartPayment, StartPaymentAnswer } from '$lib/domain/wire/payments';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { isUniqueViolation } from '../dossiers/transaction';
import { logPaymentEvent } from './settle';
import { vietqrFor } from './obligations';
import { vnpayMerchant } from './gateway';
import { vnpayPaymentUrl } from './vnpay';

export interface PaymentDeps {
	db: Kysely<Database>;
	config: Pick<Config, 'vnpay' | 'vietqr' | 'devPages' | 'dataDir'>;
	now?: () => Date;
}

export const NOT_YOUR_OBLIGATION = 'Không tìm thấy khoản phí này trong hồ sơ của bạn.';

/** The obligation of this account's dossier, or 404 (someone else's is indistinguishable from none). */
export async function ownObligation(db: Kysely<Database>, accountId: string, dossierId: string, obligationId: string) {
	const row = await db
		.selectFrom('payment_obligations as o')
		.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
		.select(['o.id', 'o.amount', 'o.state', 'o.reference', 'o.dossier_id', 'd.code', 'd.account_id'])
		.where('o.id', '=', obligationId)
		.where('o.dossier_id', '=', dossierId)
		.executeTakeFirst();
	if (!row || row.account_id !== accountId) throw new ApiError('not_found', NOT_YOUR_OBLIGATION);
	if (row.state === 'paid') throw new ApiError('already_paid', 'Khoản phí này đã được thanh toán; không cần trả thêm.');
	if (row.state !== 'pending') throw new ApiError('action_not_allowed', 'Khoản phí này đã được hủy; không cần thanh toán.');
	return row;
}

export async function startPayment(
	deps: PaymentDeps,
	who: { accountId: string; ip: string; origin: string },
	dossierId: string,
	request: StartPayment
): Promise<StartPaymentAnswer> {
	const ob = await ownObligation(deps.db, who.accountId, dossierId, request.obligationId);
	const now = deps.now?.() ?? new Date();
	const amount = Number(ob.amount);
	if (request.method === 'vietqr') {
		const vietqr = vietqrFor(deps.config.vietqr, amount, ob.reference);
		if (!vietqr) throw new ApiError('payment_method_unavailable', 'Cơ quan chưa có tài khoản nhận chuyển khoản; hãy thanh toán qua VNPAY hoặc tại Bộ phận một cửa.');
		// One transfer payment per obligation: asking again shows the same code.
		const open = await deps.db.selectFrom('payments').select('id').where('obligation_id', '=', ob.id).where('method', '=', 'vietqr').where('state', '=', 'pending').executeTakeFirst();
		const txnRef = `${ob.reference}-${randomUUID().slice(0, 8)}`;
		const paymentId = open?.id ?? (await insertPayment(deps.db, { obligationId: ob.id, dossierId, method: 'vietqr', amount, payer: who.accountId, txnRef }, now));
		return { paymentId, vietqr };
	}
	const merchant = vnpayMerchant(deps.config, who.origin);
	if (!merchant) throw new ApiError('payment_method_unavailable', 'Thanh toán trực tuyến chưa được cấu hình; hãy chuyển khoản VietQR hoặc nộp tại Bộ phận một cửa.');
	const txnRef = randomUUID().replaceAll('-', '');
	const paymentId = await insertPayment(deps.db, { obligationId: ob.id, dossierId, method: 'vnpay', amount, payer: who.accountId, txnRef }, now);
	const redirectUrl = vnpayPaymentUrl(merchant, {
		txnRef,
		amount,
		orderInfo: `Thanh toan le phi ho so ${ob.code}`,
		returnUrl: `${who.origin}/payments/vnpay/return`,
		ipAddr: who.ip,
		createdAt: now,
		expiresAt: new Date(now.getTime() + PAYMENT_TTL_MINUTES * 60_000)
	});
	return { paymentId, redirectUrl };
}

async function insertPayment(
	db: Kysely<Database>,
	p: { obligationId: string; dossierId: string; method: 'vnpay' | 'vietqr' | 'counter'; amount: number; payer: string | null; txnRef: string; recordedBy?: string },
	now: Date
): Promise<string> {
	const id = randomUUID();
	const at = now.toISOString();
	await db
		.insertInto('payments')
		.values({
			id,
			obligation_id: p.obligationId,
			dossier_id: p.dossierId,
			method: p.method,
			amount: p.amount,
			state: 'pending',
			txn_ref: p.txnRef,
			provider_ref: null,
			payer_account_id: p.payer,
			recorded_by: p.recordedBy ?? null,
			created_at: at,
			updated_at: at,
			paid_at: null
		})
		.execute();
	await logPaymentEvent(db, { paymentId: id, obligationId: p.obligationId, kind: 'created', detail: { method: p.method, amount: p.amount } }, now);
	return id;
}
export { insertPayment };

/**
 * The payment of this provider reference (`txnRef`), made once: a second request with the same
 * reference (a double click, a statement line sent again, at the same moment) gets the first one.
 */
export async function paymentOnce(db: Kysely<Database>, p: Parameters<typeof insertPayment>[1], now: Date): Promise<string> {
	const existing = await db.selectFrom('payments').select('id').where('txn_ref', '=', p.txnRef).executeTakeFirst();
	if (existing) return existing.id;
	try {
		return await insertPayment(db, p, now);
	} catch (error) {
		// The same reference inserted at once by another request: that one holds it.
		if (!isUniqueViolation(error)) throw error;
		return (await db.selectFrom('payments').select('id').where('txn_ref', '=', p.txnRef).executeTakeFirstOrThrow()).id;
	}
}
