import { paymentDeps } from '$lib/server/context';
import { vnpayMerchant } from '$lib/server/payments/gateway';
import { readVnpayReturn } from '$lib/server/payments/return';
import { vnpParams } from '$lib/server/payments/vnpay';
import type { PageServerLoad } from './$types';

/** Shows the outcome of a VNPay payment; changes nothing (the IPN does). */
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db, config } = await paymentDeps();
	return { view: await readVnpayReturn(db, vnpayMerchant(config, url.origin)?.hashSecret, vnpParams(url)) };
};
