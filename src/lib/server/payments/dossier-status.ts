/**
 * A dossier waiting for its fees (status 6, "Yêu cầu thực hiện nghĩa vụ tài chính") goes back
 * to processing (4) once no obligation is left unpaid, with an event on its timeline.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

export const PAID_NOTE = 'Đã thực hiện nghĩa vụ tài chính';

export async function resumeAfterPayment(trx: Kysely<Database>, dossierId: string, now: Date): Promise<boolean> {
	const open = await trx.selectFrom('payment_obligations').select('id').where('dossier_id', '=', dossierId).where('state', '=', 'pending').executeTakeFirst();
	if (open) return false;
	const at = now.toISOString();
	const r = await trx.updateTable('dossiers').set({ status: 4, updated_at: at }).where('id', '=', dossierId).where('status', '=', 6).executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) return false;
	const dossier = await trx.selectFrom('dossiers').select('appointment_date').where('id', '=', dossierId).executeTakeFirstOrThrow();
	await trx
		.insertInto('dossier_events')
		.values({ id: randomUUID(), dossier_id: dossierId, status: 4, at, note: PAID_NOTE, action: 'paid', actor_role: 'system', from_status: 6, appointment_date: dossier.appointment_date })
		.execute();
	return true;
}
