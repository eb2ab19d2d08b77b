/**
 * VNPay 2.1.0 signing. The documentation's example payment URL (sandbox.vnpayment.vn/apis/
 * docs/huong-dan-tich-hop/) fixes the encoding and the order of the query; its merchant
 * secret is not published, so the HMAC itself is checked against RFC 4231's HMAC-SHA512
 * vector and by round trips.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { vnpDate, vnpEncode, vnpSign, vnpSignedQuery, vnpVerify, vnpayPaymentUrl } from '$lib/server/payments/vnpay';

const docExampleQuery =
	'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';
const docParams: Record<string, string> = {
	vnp_Version: '2.1.0',
	vnp_TmnCode: 'DEMOV210',
	vnp_TxnRef: '5',
	vnp_Amount: '1806000',
	vnp_Command: 'pay',
	vnp_CreateDate: '20210801153333',
	vnp_CurrCode: 'VND',
	vnp_IpAddr: '127.0.0.1',
	vnp_Locale: 'vn',
	vnp_OrderInfo: 'Thanh toan don hang :5',
	vnp_OrderType: 'other',
	vnp_ReturnUrl: 'https://domainmerchant.vn/ReturnUrl'
};
const secret = 'TESTSECRETKEY0123456789ABCDEFGHI';

describe('VNPay signing', () => {
	it("sorts and encodes the parameters exactly as the documentation's example URL", () => {
		const query = vnpSignedQuery(docParams, secret);
		expect(query.slice(0, query.indexOf('&vnp_SecureHash='))).toBe(docExampleQuery);
	});

	it('signs that string with HMAC-SHA512 of the hash secret, in hex', () => {
		expect(vnpSign(docParams, secret)).toBe(createHmac('sha512', secret).update(docExampleQuery).digest('hex'));
	});

	it('uses the HMAC-SHA512 of RFC 4231 (test case 2)', () => {
		expect(createHmac('sha512', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe(
			'164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737'
		);
	});

	it('verifies its own signature and refuses a changed amount, another secret or a missing hash', () => {
		const signed = { ...docParams, vnp_SecureHash: vnpSign(docParams, secret) };
		expect(vnpVerify(signed, secret)).toBe(true);
		expect(vnpVerify({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.toUpperCase() }, secret)).toBe(true);
		expect(vnpVerify({ ...signed, vnp_Amount: '1806100' }, secret)).toBe(false);
		expect(vnpVerify(signed, 'another-secret')).toBe(false);
		expect(vnpVerify(docParams, secret)).toBe(false);
		expect(vnpVerify({ ...signed, vnp_SecureHash: 'zz' }, secret)).toBe(false);
	});

	it('leaves vnp_SecureHashType and parameters of other names out of the hash', () => {
		const base = vnpSign(docParams, secret);
		expect(vnpSign({ ...docParams, vnp_SecureHashType: 'HmacSHA512', other: 'x' }, secret)).toBe(base);
	});

	it('encodes like PHP urlencode', () => {
		expect(vnpEncode("a b:/?&=!'()*~é")).toBe('a+b%3A%2F%3F%26%3D%21%27%28%29%2A%7E%C3%A9');
	});
});

describe('VNPay payment URL', () => {
	it('sends the amount × 100 and the create and expire dates in GMT+7', () => {
		const url = new URL(
			vnpayPaymentUrl(
				{ tmnCode: 'DEVGATE1', hashSecret: secret, url: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' },
				{
					txnRef: 'abc123',
					amount: 16000,
					orderInfo: 'Le phi ho so',
					returnUrl: 'http://localhost:3000/payments/vnpay/return',
					ipAddr: '127.0.0.1',
					createdAt: new Date('2026-03-02T17:30:00Z'),
					expiresAt: new Date('2026-03-02T17:45:00Z')
				}
			)
		);
		const p = Object.fromEntries(url.searchParams);
		expect(p.vnp_Amount).toBe('1600000');
		expect(p.vnp_CreateDate).toBe('20260303003000');
		expect(p.vnp_ExpireDate).toBe('20260303004500');
		expect(vnpVerify(p, secret)).toBe(true);
	});

	it('formats dates as yyyyMMddHHmmss in Vietnam time', () => {
		expect(vnpDate(new Date('2021-08-01T08:33:33Z'))).toBe('20210801153333');
	});
});
