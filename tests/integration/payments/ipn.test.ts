/**
 * The VNPay IPN against a real database: it is the only state changer, idempotent on
 * vnp_TxnRef, and a forged, re-priced or unknown notification changes nothing. Twenty
 * identical notifications at once (VNPay retries; two app instances) settle ONE payment.
 */
import { describe, expect, it } from 'vitest';
import { DEV_MERCHANT } from '$lib/server/payments/gateway';
import { handleVnpayIpn } from '$lib/server/payments/ipn';
import { vnpSignedQuery } from '$lib/server/payments/vnpay';
import { startPayment } from '$lib/server/payments/start';
import { obligationsOf } from '$lib/server/payments/obligations';
import { settlePayment } from '$lib/server/payments/settle';
import { parseVietQr } from '$lib/domain/vietqr';
import { forEachDatabase } from '../helpers/databases';
import { dossierAwaitingFees, ORIGIN, paymentConfig, settleDeps, vnpayAttempt } from './fixtures';

const secret = DEV_MERCHANT.hashSecret;
const resign = (params: Record<string, string>, changes: Record<string, string>) => {
	const { vnp_SecureHash: _, ...rest } = { ...params, ...changes };
	return Object.fromEntries(new URLSearchParams(vnpSignedQuery(rest, secret)));
};

describe('VNPay IPN', () => {
	forEachDatabase((t) => {
		const deps = () => ({ db: t().db, config: paymentConfig });

		async function state(dossierId: string) {
			const { db } = t();
			const payments = await db.selectFrom('payments').select(['state', 'provider_ref']).where('dossier_id', '=', dossierId).execute();
			const obligations = await db.selectFrom('payment_obligations').select(['state', 'paid_payment_id']).where('dossier_id', '=', dossierId).execute();
			const dossier = await db.selectFrom('dossiers').select('status').where('id', '=', dossierId).executeTakeFirstOrThrow();
			return { payments, obligations, status: Number(dossier.status) };
		}

		it('settles one payment from 20 concurrent identical IPNs (two pools on PostgreSQL), and resumes the dossier once', async () => {
			const d = await dossierAwaitingFees(t().db);
			const { paymentId, params } = await vnpayAttempt(deps(), d);
			// PostgreSQL: a second pool, as a second app instance. SQLite: better-sqlite3 is synchronous,
			// so a second handle in this process would block the first; one handle interleaves the calls.
			const other = t().dialect === 'postgres' ? t().openAnother().db : t().db;
			const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => handleVnpayIpn(settleDeps(i % 2 ? other : t().db), secret, params)));
			const codes = answers.map((a) => a.RspCode).sort();
			expect(codes.filter((c) => c === '00')).toHaveLength(1);
			expect(codes.filter((c) => c === '02')).toHaveLength(19);
			const s = await state(d.dossierId);
			expect(s.payments).toEqual([{ state: 'paid', provider_ref: params.vnp_TransactionNo }]);
			expect(s.obligations).toEqual([{ state: 'paid', paid_payment_id: paymentId }]);
			expect(s.status).toBe(4);
			const paidEvents = await t().db.selectFrom('payment_events').select('kind').where('payment_id', '=', paymentId).where('kind', '=', 'paid').execute();
			expect(paidEvents).toHaveLength(1);
			const resumed = await t().db.selectFrom('dossier_events').select(['note', 'from_status', 'actor_role']).where('dossier_id', '=', d.dossierId).where('action', '=', 'paid').execute();
			expect(resumed).toEqual([{ note: 'Đã thực hiện nghĩa vụ tài chính', from_status: 6, actor_role: 'system' }]);
			// VNPay keeps retrying until it hears 00 or 02: later ones hear 02.
			expect((await handleVnpayIpn(settleDeps(t().db), secret, params)).RspCode).toBe('02');
		});

		it('answers 97 to a forged IPN, changes nothing, logs it, and still accepts the genuine one after', async () => {
			const d = await dossierAwaitingFees(t().db);
			const { params } = await vnpayAttempt(deps(), d);
			const before = await state(d.dossierId);
			expect((await handleVnpayIpn(settleDeps(t().db), secret, { ...params, vnp_Amount: '100' })).RspCode).toBe('97');
			const { vnp_SecureHash: _, ...unsigned } = params;
			const attacker = Object.fromEntries(new URLSearchParams(vnpSignedQuery(unsigned, 'guessed-secret')));
			expect((await handleVnpayIpn(settleDeps(t().db), secret, attacker)).RspCode).toBe('97');
			expect((await handleVnpayIpn(settleDeps(t().db), secret, unsigned)).RspCode).toBe('97');
			expect(await state(d.dossierId)).toEqual(before);
			const forged = await t().db.selectFrom('payment_events').select('kind').where('kind', '=', 'forged').execute();
			expect(forged).toHaveLength(3);
			expect((await handleVnpayIpn(settleDeps(t().db), secret, params)).RspCode).toBe('00');
		});

		it('answers 04 to a signed IPN with another amount and 01 to an unknown vnp_TxnRef, changing nothing', async () => {
			const d = await dossierAwaitingFees(t().db);
			const { params } = await vnpayAttempt(deps(), d);
			const before = await state(d.dossierId);
			expect((await handleVnpayIpn(settleDeps(t().db), secret, resign(params, { vnp_Amount: '100' }))).RspCode).toBe('04');
			expect((await handleVnpayIpn(settleDeps(t().db), secret, resign(params, { vnp_TxnRef: 'nope' }))).RspCode).toBe('01');
			expect(await state(d.dossierId)).toEqual(before);
			const kinds = (await t().db.selectFrom('payment_events').select('kind').execute()).map((e) => e.kind);
			expect(kinds).toEqual(expect.arrayContaining(['amount_mismatch', 'unknown_ref']));
		});

		it('records insufficient funds as a failed attempt; a new attempt can then pay', async () => {
			const d = await dossierAwaitingFees(t().db);
			const failed = await vnpayAttempt(deps(), d, 'insufficient');
			expect((await handleVnpayIpn(settleDeps(t().db), secret, failed.params)).RspCode).toBe('00');
			expect((await handleVnpayIpn(settleDeps(t().db), secret, failed.params)).RspCode).toBe('02');
			let s = await state(d.dossierId);
			expect(s.payments.map((p) => p.state)).toEqual(['failed']);
			expect(s.obligations[0].state).toBe('pending');
			expect(s.status).toBe(6);
			const ok = await vnpayAttempt(deps(), d);
			expect((await handleVnpayIpn(settleDeps(t().db), secret, ok.params)).RspCode).toBe('00');
			s = await state(d.dossierId);
			expect(s.obligations[0]).toEqual({ state: 'paid', paid_payment_id: ok.paymentId });
		});

		it('never counts a second success for a paid obligation: that payment is marked for refund', async () => {
			const d = await dossierAwaitingFees(t().db);
			const first = await vnpayAttempt(deps(), d);
			const second = await vnpayAttempt(deps(), d);
			expect((await handleVnpayIpn(settleDeps(t().db), secret, first.params)).RspCode).toBe('00');
			expect((await handleVnpayIpn(settleDeps(t().db), secret, second.params)).RspCode).toBe('00');
			const s = await state(d.dossierId);
			expect(s.payments.filter((p) => p.state === 'paid')).toHaveLength(1);
			expect(s.obligations[0].paid_payment_id).toBe(first.paymentId);
			const refund = await t().db.selectFrom('payment_events').select('payment_id').where('kind', '=', 'refund_due').execute();
			expect(refund).toEqual([{ payment_id: second.paymentId }]);
			// And a direct settlement of a third attempt is refused the same way.
			await expect(startPayment(deps(), { accountId: d.accountId, ip: '127.0.0.1', origin: ORIGIN }, d.dossierId, { obligationId: d.obligationId, method: 'vnpay' })).rejects.toMatchObject({ code: 'already_paid' });
			expect(await settlePayment(settleDeps(t().db), first.paymentId, { kind: 'paid', providerRef: 'x' })).toBe('already');
		});

		it("gives the citizen a VietQR payload for exactly the obligation, and refuses someone else's obligation", async () => {
			const d = await dossierAwaitingFees(t().db, 23000);
			const answer = await startPayment(deps(), { accountId: d.accountId, ip: '127.0.0.1', origin: ORIGIN }, d.dossierId, { obligationId: d.obligationId, method: 'vietqr' });
			if (!('vietqr' in answer)) throw new Error('expected a VietQR payload');
			const fields = parseVietQr(answer.vietqr)!;
			expect(fields.get('54')).toBe('23000');
			const [ob] = await obligationsOf(t().db, d.dossierId, paymentConfig.vietqr);
			expect(ob.vietqr).toBe(answer.vietqr);
			expect(fields.get('62')).toContain(ob.reference);
			const again = await startPayment(deps(), { accountId: d.accountId, ip: '127.0.0.1', origin: ORIGIN }, d.dossierId, { obligationId: d.obligationId, method: 'vietqr' });
			expect(again.paymentId).toBe(answer.paymentId);
			const stranger = await dossierAwaitingFees(t().db);
			await expect(startPayment(deps(), { accountId: stranger.accountId, ip: '127.0.0.1', origin: ORIGIN }, d.dossierId, { obligationId: d.obligationId, method: 'vnpay' })).rejects.toMatchObject({ code: 'not_found' });
		});
	});
});
