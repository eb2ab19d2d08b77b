/** Reading one's own dossiers: the list for "Hồ sơ đã gửi" and one dossier with its history. */
import type { Kysely } from 'kysely';
import { dossierReceiptSchema, statusName, type DossierDetail, type DossierListItem, type DossierReceipt } from '$lib/domain/wire/dossiers';
import type { Database } from '../db/types';

function toItem(row: { id: string; code: string; status: number; received_at: string; appointment_date: string; receipt: string }): DossierListItem & { receipt: DossierReceipt } {
	const receipt = dossierReceiptSchema.parse(JSON.parse(row.receipt));
	return {
		id: row.id,
		code: row.code,
		procedure: { code: receipt.procedureCode, name: receipt.procedureName },
		status: Number(row.status),
		statusName: statusName(Number(row.status)),
		receivedAt: receipt.receivedAt,
		appointmentDate: row.appointment_date,
		receipt
	};
}

/** The account's dossiers, newest first. */
export async function listDossiers(db: Kysely<Database>, accountId: string): Promise<DossierListItem[]> {
	const rows = await db
		.selectFrom('dossiers')
		.select(['id', 'code', 'status', 'received_at', 'appointment_date', 'receipt'])
		.where('account_id', '=', accountId)
		.orderBy('received_at', 'desc')
		.orderBy('code', 'desc')
		.execute();
	return rows.map((row) => {
		const { receipt: _, ...item } = toItem(row);
		return item;
	});
}

/** One dossier of this account, or undefined (someone else's dossier is indistinguishable from none). */
export async function getDossier(db: Kysely<Database>, accountId: string, id: string): Promise<DossierDetail | undefined> {
	const row = await db
		.selectFrom('dossiers')
		.select(['id', 'code', 'status', 'received_at', 'appointment_date', 'receipt', 'manifest'])
		.where('id', '=', id)
		.where('account_id', '=', accountId)
		.executeTakeFirst();
	if (!row) return undefined;
	const events = await db.selectFrom('dossier_events').select(['status', 'at', 'note']).where('dossier_id', '=', id).orderBy('at').orderBy('id').execute();
	return {
		...toItem(row),
		manifest: JSON.parse(row.manifest),
		events: events.map((e) => ({ status: Number(e.status), statusName: statusName(Number(e.status)), at: e.at, note: e.note }))
	};
}
