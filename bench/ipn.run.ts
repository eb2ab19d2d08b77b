/**
 * VNPay IPN handling under duplicates (issue 15): 1,000 obligations awaiting their fee, each
 * paid through VNPay, and each IPN delivered three times at once (VNPay retries; two app
 * instances behind the load balancer). Measured on SQLite and PostgreSQL (a second pool as the
 * second instance): IPNs handled per second and the median / 95th percentile time of one
 * (signature check, lookup, settlement in a transaction, the dossier resumed), with
 * BENCH_IPN_WINDOW obligations (50) in flight at once. What it counts must be exact: every
 * obligation paid once, one "00" and two "02" per obligation, one `paid` event each.
 *
 *   flock /tmp/dvc-heavy.lock npx vitest run --config bench/vitest.server.config.ts bench/ipn.run.ts
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DEV_MERCHANT } from '$lib/server/payments/gateway';
import { handleVnpayIpn } from '$lib/server/payments/ipn';
import { forEachDatabase } from '../tests/integration/helpers/databases';
import { dossierAwaitingFees, paymentConfig, settleDeps, vnpayAttempt } from '../tests/integration/payments/fixtures';

const OBLIGATIONS = Number(process.env.BENCH_IPN_OBLIGATIONS ?? 1000);
const COPIES = 3;
const WINDOW = Number(process.env.BENCH_IPN_WINDOW ?? 50);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

describe(`VNPay IPN: ${OBLIGATIONS} obligations, each IPN ${COPIES}× at once`, () => {
	forEachDatabase((t) => {
		it('settles each obligation exactly once', async () => {
			const { db, dialect } = t();
			const other = dialect === 'postgres' ? t().openAnother().db : db;
			const p0 = performance.now();
			const attempts: Record<string, string>[] = [];
			for (let i = 0; i < OBLIGATIONS; i++) {
				const d = await dossierAwaitingFees(db, 16000 + (i % 50) * 1000);
				// The fixture draws citizen numbers from 100,000 at random: give these two their own, so 2,000 accounts never collide.
				for (const [k, id] of [d.accountId, d.officer.id].entries()) {
					await db.updateTable('accounts').set({ id_number: `002${String(2 * i + k).padStart(9, '0')}` }).where('id', '=', id).execute();
				}
				attempts.push((await vnpayAttempt({ db, config: paymentConfig }, d)).params);
			}
			const prepMs = performance.now() - p0;

			const latencies: number[] = [];
			const codes: Record<string, number> = {};
			const timed = async (handle: typeof db, params: Record<string, string>) => {
				const s = performance.now();
				const { RspCode } = await handleVnpayIpn(settleDeps(handle), DEV_MERCHANT.hashSecret, params);
				latencies.push(performance.now() - s);
				codes[RspCode] = (codes[RspCode] ?? 0) + 1;
			};
			const t0 = performance.now();
			for (let i = 0; i < attempts.length; i += WINDOW) {
				await Promise.all(attempts.slice(i, i + WINDOW).flatMap((params) => Array.from({ length: COPIES }, (_, c) => timed(c % 2 ? other : db, params))));
			}
			const ms = performance.now() - t0;

			const obligations = await db.selectFrom('payment_obligations').select(['state']).execute();
			const paidPayments = await db.selectFrom('payments').select('id').where('state', '=', 'paid').execute();
			const paidEvents = await db.selectFrom('payment_events').select('id').where('kind', '=', 'paid').execute();
			const ipns = OBLIGATIONS * COPIES;
			console.log(
				`[bench ipn] ${dialect}: ${ipns} IPNs (${OBLIGATIONS} obligations × ${COPIES}, ${WINDOW} obligations in flight) in ${Math.round(ms)} ms = ` +
					`${Math.round(ipns / (ms / 1000))} IPN/s; one IPN median ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms; ` +
					`answers ${JSON.stringify(codes)}; ${obligations.filter((o) => o.state === 'paid').length} obligations paid (setup ${Math.round(prepMs / 1000)} s)`
			);
			// What was measured really happened (not a timing assertion): each obligation paid exactly once.
			expect(codes).toEqual({ '00': OBLIGATIONS, '02': (COPIES - 1) * OBLIGATIONS });
			expect(obligations.map((o) => o.state)).toEqual(Array(OBLIGATIONS).fill('paid'));
			expect([paidPayments.length, paidEvents.length]).toEqual([OBLIGATIONS, OBLIGATIONS]);
		});
	});
});
