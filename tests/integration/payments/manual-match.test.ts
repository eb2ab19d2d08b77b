/**
 * The officer's manual match of a bank transfer reconciliation could not place: only an officer
 * of the dossier's agency (or an administrator) matches, only a transfer of the fee's exact
 * amount, and exactly once — a line pays at most one obligation, an obligation is paid at most
 * once, and of concurrent matches one wins while the others are told why and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StatementLine } from '$lib/domain/bank-statement';
import { matchTransfer, unmatchedTransfers } from '$lib/server/payments/manual-match';
import { obligationsOf } from '$lib/server/payments/obligations';
import { reconcileStatement } from '$lib/server/payments/reconcile';
import { forEachDatabase } from '../helpers/databases';
import { citizen, createOfficer } from '../workflow/fixtures';
import { dossierAwaitingFees, paymentConfig, settleDeps } from './fixtures';

const AT = '2026-12-07T02:15:00.000Z';
const line = (transactionId: string, amount: number, description: string): StatementLine => ({ transactionId, amount, description, at: AT });

describe('manual match of an unmatched bank transfer', () => {
	forEachDatabase((t) => {
		const deps = () => ({ db: t().db, config: paymentConfig });
		const ids = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
		async function unmatched(db = t().db, transactionId = ids('FT'), amount = 16000, description = 'chuyen tien le phi tam tru NGUYEN VAN A') {
			const [r] = await reconcileStatement(settleDeps(db), [line(transactionId, amount, description)], 'bank');
			expect(r.outcome).toBe('no_reference');
			return transactionId;
		}
		const listed = async (id: string) => (await unmatchedTransfers(t().db)).some((u) => u.id === id);

		it('pays the open fee from a line without reference, records who did it, and leaves nothing to match again', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db, 16000);
			const transferId = await unmatched();
			expect(await listed(transferId)).toBe(true);
			expect((await unmatchedTransfers(db, { amount: 8000 })).some((u) => u.id === transferId)).toBe(false);

			const body = { transferId, obligationId: d.obligationId };
			const paid = await matchTransfer(deps(), d.officer, d.dossierId, body);
			expect(paid).toMatchObject({ state: 'paid', payment: { method: 'vietqr', amount: 16000, providerRef: transferId } });
			// The same match sent again (a double click) is answered the same and counts nothing more.
			expect(await matchTransfer(deps(), d.officer, d.dossierId, body)).toEqual(paid);
			expect(await db.selectFrom('payments').select(['state', 'recorded_by']).where('dossier_id', '=', d.dossierId).execute()).toEqual([{ state: 'paid', recorded_by: d.officer.id }]);
			expect(Number((await db.selectFrom('dossiers').select('status').where('id', '=', d.dossierId).executeTakeFirstOrThrow()).status)).toBe(4);
			expect(await db.selectFrom('bank_transfers').select(['matched_obligation_id', 'matched_by']).where('id', '=', transferId).executeTakeFirstOrThrow()).toEqual({
				matched_obligation_id: d.obligationId,
				matched_by: d.officer.id
			});
			const events = await db.selectFrom('dossier_events').select(['action', 'actor_name', 'actor_role', 'status', 'payload']).where('dossier_id', '=', d.dossierId).orderBy('at').orderBy('id').execute();
			const tail = events.slice(-2);
			expect(tail.map((e) => [e.action, Number(e.status)])).toEqual([
				['match-transfer', 6],
				['paid', 4]
			]);
			expect(tail[0]).toMatchObject({ actor_name: d.officer.fullName, actor_role: 'officer' });
			expect(JSON.parse(tail[0].payload!)).toEqual({ transactionId: transferId, amount: 16000, obligationId: d.obligationId });
			expect(await listed(transferId)).toBe(false);
			// The bank sending the line again: already counted, nothing more.
			expect((await reconcileStatement(settleDeps(db), [line(transferId, 16000, 'chuyen tien le phi tam tru NGUYEN VAN A')], 'bank'))[0]).toMatchObject({ outcome: 'replayed', dossierCode: d.code });
			expect(await db.selectFrom('payment_events').select('kind').where('obligation_id', '=', d.obligationId).where('kind', '=', 'paid').execute()).toHaveLength(1);

			// The line is spent: it cannot pay a second fee.
			const other = await dossierAwaitingFees(db, 16000);
			await expect(matchTransfer(deps(), other.officer, other.dossierId, { transferId, obligationId: other.obligationId })).rejects.toMatchObject({ code: 'transfer_matched' });
			// And the paid fee takes no second line.
			const second = await unmatched();
			await expect(matchTransfer(deps(), d.officer, d.dossierId, { transferId: second, obligationId: d.obligationId })).rejects.toMatchObject({ code: 'already_paid' });
			expect(await listed(second)).toBe(true);
		});

		it('refuses a wrong amount, an unknown line, citizens and another agency, changing nothing; an administrator may match', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db, 16000);
			const short = await unmatched(db, ids('FT'), 15000, `${'HS'}-sai-ma le phi`);
			await expect(matchTransfer(deps(), d.officer, d.dossierId, { transferId: short, obligationId: d.obligationId })).rejects.toMatchObject({ code: 'transfer_amount_mismatch', message: expect.stringMatching(/15\.000.*16\.000/) });
			await expect(matchTransfer(deps(), d.officer, d.dossierId, { transferId: 'FT-NOT-THERE', obligationId: d.obligationId })).rejects.toMatchObject({ code: 'not_found' });
			await expect(matchTransfer(deps(), d.officer, d.dossierId, { transferId: '', obligationId: d.obligationId })).rejects.toMatchObject({ code: 'invalid_input' });
			const right = await unmatched();
			const owner = await citizen(db, `M${randomUUID().slice(0, 4)}`);
			await expect(matchTransfer(deps(), owner, d.dossierId, { transferId: right, obligationId: d.obligationId })).rejects.toMatchObject({ code: 'forbidden' });
			const foreign = await createOfficer(db, '001.11.30.H40', 'Cán Bộ Nơi Khác');
			await expect(matchTransfer(deps(), foreign, d.dossierId, { transferId: right, obligationId: d.obligationId })).rejects.toMatchObject({ code: 'not_found' });
			expect(await db.selectFrom('payments').select('id').where('dossier_id', '=', d.dossierId).execute()).toEqual([]);
			expect(await listed(right)).toBe(true);
			expect(await listed(short)).toBe(true);

			const admin = { id: randomUUID(), role: 'admin' as const, agencyCode: null, fullName: 'Quản Trị Viên' };
			expect(await matchTransfer(deps(), admin, d.dossierId, { transferId: right, obligationId: d.obligationId })).toMatchObject({ state: 'paid' });
			const event = await db.selectFrom('dossier_events').select(['actor_name', 'actor_role']).where('dossier_id', '=', d.dossierId).where('action', '=', 'match-transfer').executeTakeFirstOrThrow();
			expect(event).toEqual({ actor_name: 'Quản Trị Viên', actor_role: 'admin' });
		});

		it('lets one of 10 concurrent matches of one line to two fees win; the others are told the line is taken', async () => {
			const { db } = t();
			const a = await dossierAwaitingFees(db, 16000);
			const b = await dossierAwaitingFees(db, 16000);
			const transferId = await unmatched();
			const runs = await Promise.allSettled(
				Array.from({ length: 10 }, (_, i) => {
					const d = i % 2 ? a : b;
					return matchTransfer(deps(), d.officer, d.dossierId, { transferId, obligationId: d.obligationId });
				})
			);
			const won = runs.filter((r) => r.status === 'fulfilled');
			// The winner's own retries are answered as the same success; the other fee's all fail.
			const winner = (await db.selectFrom('bank_transfers').select('matched_obligation_id').where('id', '=', transferId).executeTakeFirstOrThrow()).matched_obligation_id;
			expect([a.obligationId, b.obligationId]).toContain(winner);
			expect(won.length).toBeGreaterThanOrEqual(1);
			for (const r of runs) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('transfer_matched');
			const paid = await db.selectFrom('payments').select(['obligation_id', 'state']).where('txn_ref', '=', `bank:${transferId}`).execute();
			expect(paid).toEqual([{ obligation_id: winner, state: 'paid' }]);
			const loser = winner === a.obligationId ? b : a;
			expect((await obligationsOf(db, loser.dossierId, paymentConfig.vietqr))[0].state).toBe('pending');
			expect(await db.selectFrom('dossier_events').select('id').where('action', '=', 'match-transfer').where('dossier_id', 'in', [a.dossierId, b.dossierId]).execute()).toHaveLength(1);
		});

		it('lets one of two lines matched at once to one fee pay it; the other stays unmatched', async () => {
			const { db } = t();
			const d = await dossierAwaitingFees(db, 16000);
			const first = await unmatched();
			const second = await unmatched();
			const runs = await Promise.allSettled([first, second, first, second].map((transferId) => matchTransfer(deps(), d.officer, d.dossierId, { transferId, obligationId: d.obligationId })));
			const paidBy = (await obligationsOf(db, d.dossierId, paymentConfig.vietqr))[0].payment?.providerRef;
			expect([first, second]).toContain(paidBy);
			for (const r of runs) if (r.status === 'rejected') expect(['already_paid', 'transfer_matched']).toContain((r.reason as { code: string }).code);
			expect(runs.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
			expect(await db.selectFrom('payments').select('state').where('dossier_id', '=', d.dossierId).execute()).toEqual([{ state: 'paid' }]);
			expect(await listed(paidBy === first ? second : first)).toBe(true);
			expect(await db.selectFrom('payment_events').select('kind').where('obligation_id', '=', d.obligationId).where('kind', '=', 'paid').execute()).toHaveLength(1);
		});
	});
});
