/**
 * GET /api/payments/vnpay/ipn — VNPay's server-to-server notification, the ONLY way a VNPay
 * payment changes state (the return URL only shows it). Checked in this order, as VNPay
 * documents: signature (97), the order (01), the amount (04), already confirmed (02), then
 * the verdict is recorded once (00). VNPay repeats the IPN until it hears 00 or 02, so the
 * same vnp_TxnRef answers 02 from the second time on and changes nothing. A forged call is
 * logged as an event and otherwise forgotten.
 */
import { ipnAnswers, isVnpaySuccess, vnpVerify, vnpResponseMessages, type IpnAnswer } from './vnpay';
import { logPaymentEvent, settlePayment, type SettleDeps } from './settle';

/** What of an IPN is worth keeping (never the hash). */
const trace = (p: Record<string, string>) => ({
	txnRef: p.vnp_TxnRef,
	amount: p.vnp_Amount,
	responseCode: p.vnp_ResponseCode,
	transactionStatus: p.vnp_TransactionStatus,
	transactionNo: p.vnp_TransactionNo,
	bankCode: p.vnp_BankCode,
	payDate: p.vnp_PayDate
});

export async function handleVnpayIpn(deps: SettleDeps, hashSecret: string, params: Record<string, string>, now = new Date()): Promise<IpnAnswer> {
	const { db } = deps;
	if (!vnpVerify(params, hashSecret)) {
		await logPaymentEvent(db, { kind: 'forged', detail: { ...trace(params), answer: '97' } }, now);
		return ipnAnswers.invalidSignature;
	}
	const payment = await db.selectFrom('payments').select(['id', 'obligation_id', 'amount', 'state', 'method']).where('txn_ref', '=', params.vnp_TxnRef ?? '').executeTakeFirst();
	if (!payment || payment.method !== 'vnpay') {
		await logPaymentEvent(db, { kind: 'unknown_ref', detail: { ...trace(params), answer: '01' } }, now);
		return ipnAnswers.notFound;
	}
	const ids = { paymentId: payment.id, obligationId: payment.obligation_id };
	if (params.vnp_Amount !== String(Number(payment.amount) * 100)) {
		await logPaymentEvent(db, { ...ids, kind: 'amount_mismatch', detail: { ...trace(params), expected: Number(payment.amount) * 100, answer: '04' } }, now);
		return ipnAnswers.invalidAmount;
	}
	if (payment.state !== 'pending') return ipnAnswers.alreadyConfirmed;
	const outcome = isVnpaySuccess(params)
		? ({ kind: 'paid', providerRef: params.vnp_TransactionNo ?? null } as const)
		: ({ kind: 'failed', providerRef: params.vnp_TransactionNo ?? null, reason: vnpResponseMessages[params.vnp_ResponseCode] ?? `Mã ${params.vnp_ResponseCode}` } as const);
	const result = await settlePayment(deps, payment.id, outcome, trace(params), now);
	return result === 'already' ? ipnAnswers.alreadyConfirmed : ipnAnswers.confirmed;
}
