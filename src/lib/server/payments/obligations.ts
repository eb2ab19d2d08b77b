/**
 * Financial obligations of a dossier: created by the officer's `request-payment` (status 6),
 * read by the citizen with the VietQR payload of a transfer for exactly that amount.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PaymentMethod } from '$lib/domain/payment';
import { buildVietQr, transferReference } from '$lib/domain/vietqr';
import type { Obligation, ObligationItem, PaymentRequest } from '$lib/domain/wire/payments';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { logPaymentEvent } from './settle';

export type FeeAccount = Config['vietqr'];

/** "HS" + the dossier code's letters and digits + the obligation's number: what a transfer description carries. */
export function obligationReference(dossierCode: string, n: number): string {
	return transferReference(`HS${dossierCode}N${n}`).toUpperCase();
}

/** The obligation, inside the caller's transaction (the officer's action that moves the dossier to status 6). */
export async function createObligation(
	trx: Kysely<Database>,
	input: { dossierId: string; request: PaymentRequest; createdBy: string | null },
	now = new Date()
): Promise<string> {
	const dossier = await trx.selectFrom('dossiers').select('code').where('id', '=', input.dossierId).executeTakeFirstOrThrow();
	const count = await trx.selectFrom('payment_obligations').select((eb) => eb.fn.countAll<number>().as('n')).where('dossier_id', '=', input.dossierId).executeTakeFirstOrThrow();
	const id = randomUUID();
	await trx
		.insertInto('payment_obligations')
		.values({
			id,
			dossier_id: input.dossierId,
			amount: input.request.amount,
			items: JSON.stringify(input.request.items),
			state: 'pending',
			reference: obligationReference(dossier.code, Number(count.n) + 1),
			created_at: now.toISOString(),
			created_by: input.createdBy,
			paid_payment_id: null,
			paid_at: null
		})
		.execute();
	await logPaymentEvent(trx, { obligationId: id, kind: 'requested', detail: { amount: input.request.amount, by: input.createdBy } }, now);
	return id;
}

export function vietqrFor(account: FeeAccount, amount: number, reference: string): string | null {
	return account ? buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount, reference }) : null;
}

/** The obligations of a dossier as the citizen and the officer read them, oldest first. */
export async function obligationsOf(db: Kysely<Database>, dossierId: string, account: FeeAccount): Promise<Obligation[]> {
	const rows = await db.selectFrom('payment_obligations').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
	if (!rows.length) return [];
	const paidIds = rows.map((r) => r.paid_payment_id).filter((id): id is string => Boolean(id));
	const paid = paidIds.length ? await db.selectFrom('payments').select(['id', 'method', 'amount', 'provider_ref', 'paid_at']).where('id', 'in', paidIds).execute() : [];
	const payer = await db.selectFrom('dossiers as d').innerJoin('accounts as a', 'a.id', 'd.account_id').select('a.full_name').where('d.id', '=', dossierId).executeTakeFirst();
	return rows.map((r) => {
		const p = paid.find((x) => x.id === r.paid_payment_id);
		return {
			id: r.id,
			amount: Number(r.amount),
			items: JSON.parse(r.items) as ObligationItem[],
			state: r.state,
			reference: r.reference,
			vietqr: r.state === 'pending' ? vietqrFor(account, Number(r.amount), r.reference) : null,
			transfer: account ? { bankBin: account.bankBin, accountNumber: account.accountNumber, ...(account.accountName ? { accountName: account.accountName } : {}) } : null,
			createdAt: r.created_at,
			...(p ? { payment: { id: p.id, method: p.method as PaymentMethod, amount: Number(p.amount), providerRef: p.provider_ref, paidAt: p.paid_at ?? r.paid_at ?? '', ...(payer ? { payerName: payer.full_name } : {}) } } : {})
		};
	});
}
