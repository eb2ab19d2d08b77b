import { error, fail, redirect } from '@sveltejs/kit';
import { paymentDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { devGatewayEnabled, gatewayChoices, gatewayResult, readGatewayOrder, type GatewayChoice } from '$lib/server/payments/dev-gateway';
import { vnpParams } from '$lib/server/payments/vnpay';
import type { Actions, PageServerLoad } from './$types';

async function order(url: URL) {
	const { config } = await paymentDeps();
	if (!devGatewayEnabled(config, url.origin)) error(404, 'Không tìm thấy trang này.');
	return readGatewayOrder(vnpParams(url), url.origin);
}

/** Development stand-in for VNPay's payment page (see $lib/server/payments/dev-gateway.ts). */
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		const o = await order(url);
		return { order: { amount: o.amount, orderInfo: o.orderInfo, txnRef: o.txnRef, expired: o.expired }, problem: null, choices: Object.entries(gatewayChoices).map(([value, c]) => ({ value, label: c.label })) };
	} catch (e) {
		if (e instanceof ApiError) return { order: null, problem: e.message, choices: [] };
		throw e;
	}
};

export const actions: Actions = {
	default: async ({ url, request, fetch }) => {
		let o;
		try {
			o = await order(url);
		} catch (e) {
			if (e instanceof ApiError) return fail(400, { problem: e.message });
			throw e;
		}
		const choice = String((await request.formData()).get('choice') ?? '');
		if (!Object.hasOwn(gatewayChoices, choice)) return fail(400, { problem: 'Hãy chọn một kết quả giao dịch.' });
		const result = gatewayResult(o, o.expired ? 'cancel' : (choice as GatewayChoice));
		// As VNPay does: tell the merchant's server first (IPN), then send the browser back.
		const ipn = await fetch(`/api/payments/vnpay/ipn?${result}`);
		const answer = (await ipn.json()) as { RspCode: string };
		console.info(`development gateway: IPN for ${o.txnRef} answered ${answer.RspCode}`);
		redirect(303, `${o.returnUrl}?${result}`);
	}
};
