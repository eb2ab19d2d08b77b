/** A dossier at status 6 with one obligation (asked for through the workflow), and the VNPay IPN a gateway would send for it. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { syncAgencies } from '$lib/server/agencies';
import type { Database } from '$lib/server/db/types';
import { submitDossier } from '$lib/server/dossiers/submit';
import { applyAction, type WorkflowDeps } from '$lib/server/workflow/actions';
import { gatewayResult, readGatewayOrder, type GatewayChoice } from '$lib/server/payments/dev-gateway';
import { startPayment, type PaymentDeps } from '$lib/server/payments/start';
import { createAccount, giveBlob, limits, manifest, MONDAY_10AM, POLICE_SOC_SON, sha } from '../dossiers/fixtures';
import { act, createOfficer } from '../workflow/fixtures';

export const ORIGIN = 'http://localhost:4208';

/** The data folder settlements issue e-receipts into (one per test file, removed at exit). */
const receiptDir = mkdtempSync(join(tmpdir(), 'dvc-receipts-'));
process.once('exit', () => rmSync(receiptDir, { recursive: true, force: true }));

export const paymentConfig: PaymentDeps['config'] = {
	vnpay: undefined,
	devPages: true,
	vietqr: { bankBin: '970436', accountNumber: '0011000000001', accountName: 'DEMO' },
	dataDir: receiptDir
};

/** What `settlePayment` and the channels that end in it (IPN, reconciliation) need. */
export const settleDeps = (db: Kysely<Database>) => ({ db, dataDir: receiptDir });

/**
 * A dossier brought to status 6 the way the desk does it: accepted, started, and the
 * officer's `request-payment`, which creates the obligation in the same transaction.
 */
export async function dossierAwaitingFees(db: Kysely<Database>, amount = 16000) {
	const accountId = await createAccount(db, `Payer${++payers}`);
	await giveBlob(db, accountId, sha(1));
	const dossierId = randomUUID();
	const deps: WorkflowDeps = { db, config: { upload: limits }, now: () => MONDAY_10AM };
	if (!(await db.selectFrom('agencies').select('code').where('code', '=', POLICE_SOC_SON).executeTakeFirst())) await syncAgencies(db);
	const { receipt } = await submitDossier(deps, accountId, dossierId, manifest({}, [{ sha256: sha(1) }]));
	const officer = await createOfficer(db, POLICE_SOC_SON, `Cán Bộ Thu Phí ${payers}`);
	await applyAction(deps, officer, dossierId, act('accept'));
	await applyAction(deps, officer, dossierId, act('start'));
	await applyAction(deps, officer, dossierId, act('request-payment', { amount, items: [{ name: 'Lệ phí đăng ký tạm trú', amount }] }));
	const obligation = await db.selectFrom('payment_obligations').select('id').where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
	return { accountId, dossierId, obligationId: obligation.id, code: receipt.code, officer, deps };
}
let payers = 0;

/** Starts a VNPay payment as the citizen and returns what the gateway would send back for `choice`. */
export async function vnpayAttempt(deps: PaymentDeps, d: { accountId: string; dossierId: string; obligationId: string }, choice: GatewayChoice = 'success') {
	const answer = await startPayment(deps, { accountId: d.accountId, ip: '127.0.0.1', origin: ORIGIN }, d.dossierId, { obligationId: d.obligationId, method: 'vnpay' });
	if (!('redirectUrl' in answer)) throw new Error('expected a redirect URL');
	const url = new URL(answer.redirectUrl);
	const order = readGatewayOrder(Object.fromEntries(url.searchParams), ORIGIN);
	const params = Object.fromEntries(new URLSearchParams(gatewayResult(order, choice)));
	return { paymentId: answer.paymentId, params, redirectUrl: url };
}
