/**
 * Which VNPay merchant the app talks to: the configured one, or — when none is configured
 * and development pages are on — the development gateway at /dev/payment-gateway, which
 * speaks the same protocol with its own secret. In production without VNPay: none.
 */
import type { Config } from '../config';
import type { VnpayMerchant } from './vnpay';

export const DEV_GATEWAY_PATH = '/dev/payment-gateway';
/** The development gateway's merchant; a secret known to this code only, never a real one. */
export const DEV_MERCHANT = { tmnCode: 'DEVGATE1', hashSecret: 'development-gateway-secret-not-for-production' };

export function vnpayMerchant(config: Pick<Config, 'vnpay' | 'devPages'>, origin: string): (VnpayMerchant & { development: boolean }) | null {
	if (config.vnpay) return { ...config.vnpay, development: false };
	if (config.devPages) return { ...DEV_MERCHANT, url: `${origin}${DEV_GATEWAY_PATH}`, development: true };
	return null;
}
