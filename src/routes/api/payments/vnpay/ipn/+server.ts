import { json } from '@sveltejs/kit';
import { paymentDeps } from '$lib/server/context';
import { vnpayMerchant } from '$lib/server/payments/gateway';
import { handleVnpayIpn } from '$lib/server/payments/ipn';
import { ipnAnswers, vnpParams } from '$lib/server/payments/vnpay';
import type { RequestHandler } from './$types';

/** VNPay → us, server to server. Answers VNPay's own `{ RspCode, Message }`, never our envelope. */
export const GET: RequestHandler = async ({ url }) => {
	const deps = await paymentDeps();
	const merchant = vnpayMerchant(deps.config, url.origin);
	if (!merchant) return json(ipnAnswers.unknownError);
	try {
		return json(await handleVnpayIpn({ db: deps.db, dataDir: deps.config.dataDir }, merchant.hashSecret, vnpParams(url)));
	} catch (error) {
		console.error('VNPay IPN:', error);
		return json(ipnAnswers.unknownError);
	}
};
