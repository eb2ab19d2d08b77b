/**
 * What the provincial one-stop system receives for each dossier event (the relay's POST body)
 * and reads back from `GET /api/integration/dossiers?since=`. Status codes are the national
 * sync codes (TrangThaiHoSo). The applicant's personal data is not in the event: the read
 * API, behind its bearer token, gives the dossier.
 */
import { statusName } from '$lib/domain/wire/dossiers';

export interface EventRowForRelay {
	id: string;
	dossier_id: string;
	status: number;
	at: string;
	note: string | null;
	action: string | null;
	actor_role: string | null;
	from_status: number | null;
	payload: string | null;
	appointment_date: string | null;
	code: string;
	procedure_code: string;
	agency_code: string;
	dossier_appointment: string;
}

export function integrationBody(row: EventRowForRelay) {
	const status = Number(row.status);
	return {
		eventId: row.id,
		dossierId: row.dossier_id,
		dossierCode: row.code,
		procedureCode: row.procedure_code,
		agencyCode: row.agency_code,
		action: row.action,
		actorRole: row.actor_role,
		at: row.at,
		fromStatus: row.from_status === null ? null : Number(row.from_status),
		status: { code: status, name: statusName(status) },
		appointmentDate: row.appointment_date ?? row.dossier_appointment,
		note: row.note,
		payload: row.payload ? (JSON.parse(row.payload) as unknown) : null
	};
}
