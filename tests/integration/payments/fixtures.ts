/** A received dossier at status 6 with one obligation, and the VNPay IPN a gateway would send for it. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/types';
import { submitDossier } from '$lib/server/dossiers/submit';
import { createObligation } from '$lib/server/payments/obligations';
import { gatewayResult, readGatewayOrder, type GatewayChoice } from '$lib/server/payments/dev-gateway';
import { startPayment, type PaymentDeps } from '$lib/server/payments/start';
import { createAccount, giveBlob, limits, manifest, MONDAY_10AM, sha } from '../dossiers/fixtures';

export const ORIGIN = 'http://localhost:4208';

export const paymentConfig: PaymentDeps['config'] = {
	vnpay: undefined,
	devPages: true,
	vietqr: { bankBin: '970436', accountNumber: '0011000000001', accountName: 'DEMO' }
};

export async function dossierAwaitingFees(db: Kysely<Database>, amount = 16000) {
	const accountId = await createAccount(db, 'Payer');
	await giveBlob(db, accountId, sha(1));
	const dossierId = randomUUID();
	const { receipt } = await submitDossier({ db, config: { upload: limits }, now: () => MONDAY_10AM }, accountId, dossierId, manifest({}, [{ sha256: sha(1) }]));
	await db.updateTable('dossiers').set({ status: 6 }).where('id', '=', dossierId).execute();
	const obligationId = await createObligation(db, {
		dossierId,
		request: { amount, items: [{ name: 'Lệ phí đăng ký tạm trú', amount }] },
		createdBy: null
	});
	return { accountId, dossierId, obligationId, code: receipt.code };
}

/** Starts a VNPay payment as the citizen and returns what the gateway would send back for `choice`. */
export async function vnpayAttempt(deps: PaymentDeps, d: { accountId: string; dossierId: string; obligationId: string }, choice: GatewayChoice = 'success') {
	const answer = await startPayment(deps, { accountId: d.accountId, ip: '127.0.0.1', origin: ORIGIN }, d.dossierId, { obligationId: d.obligationId, method: 'vnpay' });
	if (!('redirectUrl' in answer)) throw new Error('expected a redirect URL');
	const url = new URL(answer.redirectUrl);
	const order = readGatewayOrder(Object.fromEntries(url.searchParams), ORIGIN);
	const params = Object.fromEntries(new URLSearchParams(gatewayResult(order, choice)));
	return { paymentId: answer.paymentId, params, redirectUrl: url };
}
