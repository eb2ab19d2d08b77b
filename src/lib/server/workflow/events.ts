/** Event rows as the desk, the citizen's timeline and action answers show them. */
import type { Selectable } from 'kysely';
import { statusName } from '$lib/domain/wire/dossiers';
import type { ActionAnswer, DossierEventView } from '$lib/domain/wire/workflow';
import type { DossierEventsTable } from '../db/types';

export type EventRow = Selectable<DossierEventsTable>;

const status = (code: number) => ({ code: Number(code), name: statusName(Number(code)) });

export function toEventView(row: EventRow): DossierEventView {
	return {
		id: row.id,
		at: row.at,
		action: row.action,
		actor: { role: row.actor_role ?? 'system', name: row.actor_name, agencyCode: row.agency_code },
		from: row.from_status === null ? null : status(row.from_status),
		to: status(row.status),
		note: row.note,
		payload: row.payload ? JSON.parse(row.payload) : null
	};
}

/** The answer to an action, rebuilt from its event row alone, so a retry is answered byte for byte the same. */
export function answerOf(dossierId: string, row: EventRow): ActionAnswer {
	return {
		dossierId,
		requestId: row.request_id!,
		status: status(row.status),
		appointmentDate: row.appointment_date!,
		event: toEventView(row)
	};
}
