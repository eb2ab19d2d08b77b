/**
 * The development payment gateway (/dev/payment-gateway): what VNPay's payment page does,
 * with the same protocol and its own secret, so a newcomer sees a payment go all the way
 * through with no merchant account. It checks the signed request, lets the person choose an
 * outcome, signs the result as VNPay would, calls our IPN (the only state changer) and sends
 * the browser back to the return URL. Off whenever a real VNPay merchant is configured, and
 * in production.
 */
import { randomInt } from 'node:crypto';
import type { Config } from '../config';
import { ApiError } from '../http/api-error';
import { DEV_MERCHANT, vnpayMerchant } from './gateway';
import { vnpDate, vnpResponseMessages, vnpSignedQuery, vnpVerify } from './vnpay';

export const gatewayChoices = {
	success: { responseCode: '00', transactionStatus: '00', label: 'Thanh toán thành công' },
	insufficient: { responseCode: '51', transactionStatus: '02', label: 'Tài khoản không đủ số dư' },
	cancel: { responseCode: '24', transactionStatus: '02', label: 'Hủy giao dịch' }
} as const;
export type GatewayChoice = keyof typeof gatewayChoices;

export interface GatewayOrder {
	txnRef: string;
	amount: number;
	orderInfo: string;
	returnUrl: string;
	expired: boolean;
}

export function devGatewayEnabled(config: Pick<Config, 'vnpay' | 'devPages'>, origin: string): boolean {
	return vnpayMerchant(config, origin)?.development === true;
}

/** The signed order the app sent, or a refusal (bad signature, foreign return URL, wrong merchant). */
export function readGatewayOrder(params: Record<string, string>, origin: string, now = new Date()): GatewayOrder {
	if (!vnpVerify(params, DEV_MERCHANT.hashSecret)) throw new ApiError('forbidden', 'Chữ ký của yêu cầu thanh toán không đúng (vnp_SecureHash); cổng thanh toán từ chối.');
	if (params.vnp_TmnCode !== DEV_MERCHANT.tmnCode || params.vnp_Command !== 'pay' || params.vnp_CurrCode !== 'VND')
		throw new ApiError('invalid_request', 'Yêu cầu thanh toán sai mã website, lệnh hoặc loại tiền.');
	const amount = Number(params.vnp_Amount) / 100;
	if (!Number.isSafeInteger(amount) || amount <= 0) throw new ApiError('invalid_request', 'Số tiền thanh toán không hợp lệ.');
	let returnUrl: URL;
	try {
		returnUrl = new URL(params.vnp_ReturnUrl);
	} catch {
		throw new ApiError('invalid_request', 'Thiếu địa chỉ trở về (vnp_ReturnUrl).');
	}
	if (returnUrl.origin !== origin) throw new ApiError('invalid_request', 'Địa chỉ trở về phải thuộc chính trang này.');
	return { txnRef: params.vnp_TxnRef, amount, orderInfo: params.vnp_OrderInfo, returnUrl: returnUrl.href, expired: (params.vnp_ExpireDate ?? '') < vnpDate(now) };
}

/** The result VNPay would send for this order and choice, signed: the query of the IPN and of the return URL. */
export function gatewayResult(order: GatewayOrder, choice: GatewayChoice, now = new Date()): string {
	const c = gatewayChoices[choice];
	const paid = c.responseCode === '00';
	return vnpSignedQuery(
		{
			vnp_Amount: String(order.amount * 100),
			vnp_BankCode: 'NCB',
			...(paid ? { vnp_BankTranNo: `VNP${randomInt(10_000_000, 99_999_999)}` } : {}),
			vnp_CardType: 'ATM',
			vnp_OrderInfo: order.orderInfo,
			vnp_PayDate: vnpDate(now),
			vnp_ResponseCode: c.responseCode,
			vnp_TmnCode: DEV_MERCHANT.tmnCode,
			vnp_TransactionNo: paid ? String(randomInt(10_000_000, 99_999_999)) : '0',
			vnp_TransactionStatus: c.transactionStatus,
			vnp_TxnRef: order.txnRef
		},
		DEV_MERCHANT.hashSecret
	);
}

export { vnpResponseMessages };
