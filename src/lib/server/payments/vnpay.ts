/**
 * The VNPay payment gateway protocol, version 2.1.0 (sandbox.vnpayment.vn/apis/docs):
 * the payment URL and the verification of what VNPay sends back (IPN and return URL).
 *
 * Signing: every `vnp_*` parameter except the hash itself, sorted by name, each name and
 * value URL-encoded as PHP's urlencode does (space → '+'), joined with '&' — that string is
 * both the query and the data of HMAC-SHA512 keyed with the hash secret, hex. Amounts are
 * đồng × 100; dates are yyyyMMddHHmmss in GMT+7. About 60 lines of node:crypto: no library
 * is smaller or better tested for this than the platform's HMAC and timingSafeEqual.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { VIETNAM_OFFSET_MS } from '$lib/domain/time';

/** PHP urlencode: everything but letters, digits and -_. is %-encoded, space is '+'. */
export function vnpEncode(value: string): string {
	return encodeURIComponent(value)
		.replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

function hashData(params: Record<string, string>): string {
	return Object.keys(params)
		.filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
		.sort()
		.map((k) => `${vnpEncode(k)}=${vnpEncode(params[k])}`)
		.join('&');
}

export function vnpSign(params: Record<string, string>, secret: string): string {
	return createHmac('sha512', secret).update(hashData(params), 'utf8').digest('hex');
}

/** The signed query string (no leading '?'): the sorted parameters and vnp_SecureHash last. */
export function vnpSignedQuery(params: Record<string, string>, secret: string): string {
	return `${hashData(params)}&vnp_SecureHash=${vnpSign(params, secret)}`;
}

/** True when vnp_SecureHash is the HMAC of the other vnp_* parameters; compared in constant time. */
export function vnpVerify(params: Record<string, string>, secret: string): boolean {
	const given = params.vnp_SecureHash ?? '';
	if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
	const expected = Buffer.from(vnpSign(params, secret), 'hex');
	return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** yyyyMMddHHmmss in Vietnam time (GMT+7), as vnp_CreateDate and vnp_ExpireDate want it. */
export function vnpDate(instant: Date): string {
	return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export interface VnpayMerchant {
	tmnCode: string;
	hashSecret: string;
	/** The gateway's payment page. */
	url: string;
}

export interface VnpayOrder {
	txnRef: string;
	/** Whole đồng; sent × 100. */
	amount: number;
	orderInfo: string;
	returnUrl: string;
	ipAddr: string;
	createdAt: Date;
	expiresAt: Date;
}

export function vnpayPaymentUrl(merchant: VnpayMerchant, order: VnpayOrder): string {
	if (!Number.isSafeInteger(order.amount) || order.amount <= 0) throw new RangeError('Số tiền thanh toán phải là số nguyên đồng dương');
	const params: Record<string, string> = {
		vnp_Version: '2.1.0',
		vnp_Command: 'pay',
		vnp_TmnCode: merchant.tmnCode,
		vnp_Amount: String(order.amount * 100),
		vnp_CurrCode: 'VND',
		vnp_TxnRef: order.txnRef,
		vnp_OrderInfo: order.orderInfo,
		vnp_OrderType: 'other',
		vnp_Locale: 'vn',
		vnp_ReturnUrl: order.returnUrl,
		vnp_IpAddr: order.ipAddr,
		vnp_CreateDate: vnpDate(order.createdAt),
		vnp_ExpireDate: vnpDate(order.expiresAt)
	};
	return `${merchant.url}?${vnpSignedQuery(params, merchant.hashSecret)}`;
}

/** The query of a URL VNPay called (IPN) or redirected to (return), as plain strings. */
export const vnpParams = (url: URL): Record<string, string> => Object.fromEntries(url.searchParams.entries());

/** The IPN answers VNPay documents; it retries until it hears 00 or 02. */
export const ipnAnswers = {
	confirmed: { RspCode: '00', Message: 'Confirm Success' },
	notFound: { RspCode: '01', Message: 'Order not found' },
	alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
	invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
	invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
	unknownError: { RspCode: '99', Message: 'Unknown error' }
} as const;
export type IpnAnswer = (typeof ipnAnswers)[keyof typeof ipnAnswers];

/** vnp_ResponseCode and vnp_TransactionStatus both 00 = money taken; anything else = not paid. */
export const isVnpaySuccess = (p: Record<string, string>) => p.vnp_ResponseCode === '00' && p.vnp_TransactionStatus === '00';

/** What a person reads for the response codes the return page and the gateway use. */
export const vnpResponseMessages: Record<string, string> = {
	'00': 'Giao dịch thành công',
	'07': 'Trừ tiền thành công, giao dịch bị nghi ngờ',
	'11': 'Đã hết hạn chờ thanh toán',
	'24': 'Bạn đã hủy giao dịch',
	'51': 'Tài khoản không đủ số dư để thực hiện giao dịch',
	'65': 'Tài khoản đã vượt quá hạn mức giao dịch trong ngày',
	'75': 'Ngân hàng thanh toán đang bảo trì',
	'99': 'Lỗi không xác định'
};
