/**
 * /payments/vnpay/return: where VNPay sends the browser back. It only SHOWS the outcome: the
 * signature is checked (a forged return shows a warning and nothing else), the state comes
 * from our database (set by the IPN), and nothing is written.
 */
import type { Kysely } from 'kysely';
import type { PaymentState } from '$lib/domain/payment';
import type { Database } from '../db/types';
import { vnpResponseMessages, vnpVerify } from './vnpay';

export type ReturnView =
	| { valid: false }
	| { valid: true; found: false }
	| { valid: true; found: true; state: PaymentState; dossierId: string; amount: number; gatewayMessage: string; providerRef: string | null };

export async function readVnpayReturn(db: Kysely<Database>, hashSecret: string | undefined, params: Record<string, string>): Promise<ReturnView> {
	if (!hashSecret || !vnpVerify(params, hashSecret)) return { valid: false };
	const p = await db.selectFrom('payments').select(['state', 'dossier_id', 'amount', 'provider_ref']).where('txn_ref', '=', params.vnp_TxnRef ?? '').executeTakeFirst();
	if (!p) return { valid: true, found: false };
	return {
		valid: true,
		found: true,
		state: p.state,
		dossierId: p.dossier_id,
		amount: Number(p.amount),
		gatewayMessage: vnpResponseMessages[params.vnp_ResponseCode] ?? `Mã phản hồi ${params.vnp_ResponseCode}`,
		providerRef: p.provider_ref
	};
}
