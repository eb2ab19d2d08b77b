/**
 * GET /api/integration/dossiers?since=<ISO time>: the read API for a provincial one-stop
 * system, behind `Authorization: Bearer <INTEGRATION_TOKEN>`. Dossiers changed after
 * `since` (oldest first, 500 at most; ask again from the last `updatedAt`), each with its
 * current status and its events.
 */
import type { Kysely } from 'kysely';
import { timingSafeEqual } from 'node:crypto';
import { statusName } from '$lib/domain/wire/dossiers';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';

export const INTEGRATION_PAGE = 500;

/** Which machine-to-machine API a bearer token opens, as its messages name it. */
export interface BearerService {
	name: string;
	variable: string;
}
const INTEGRATION: BearerService = { name: 'API tích hợp', variable: 'INTEGRATION_TOKEN' };

/** The request carries exactly the configured token (constant-time compare); an unset token means the API is off (404). */
export function checkBearer(header: string | null, token: string | undefined, service: BearerService = INTEGRATION): void {
	if (!token) throw new ApiError('not_found', `${service.name} chưa được bật trên máy chủ này (${service.variable}).`);
	const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
	const expected = Buffer.from(token);
	if (given.length !== expected.length || !timingSafeEqual(given, expected))
		throw new ApiError('unauthenticated', `Thiếu hoặc sai mã truy cập (Authorization: Bearer …) của ${service.name}.`);
}

export async function dossiersSince(db: Kysely<Database>, since: string) {
	const rows = await db
		.selectFrom('dossiers')
		.select(['id', 'code', 'procedure_code', 'agency_code', 'status', 'received_at', 'appointment_date', 'updated_at', 'version', 'applicant_name', 'applicant_id_number'])
		.where((eb) => eb(eb.fn.coalesce('updated_at', 'received_at'), '>', since))
		.orderBy(({ fn }) => fn.coalesce('updated_at', 'received_at'))
		.orderBy('id')
		.limit(INTEGRATION_PAGE)
		.execute();
	const ids = rows.map((r) => r.id);
	const events = ids.length
		? await db.selectFrom('dossier_events').select(['id', 'dossier_id', 'action', 'actor_role', 'from_status', 'status', 'at', 'note', 'payload']).where('dossier_id', 'in', ids).orderBy('at').orderBy('id').execute()
		: [];
	return {
		dossiers: rows.map((r) => ({
			id: r.id,
			code: r.code,
			procedureCode: r.procedure_code,
			agencyCode: r.agency_code,
			applicant: { fullName: r.applicant_name, idNumber: r.applicant_id_number },
			status: { code: Number(r.status), name: statusName(Number(r.status)) },
			receivedAt: r.received_at,
			appointmentDate: r.appointment_date,
			updatedAt: r.updated_at ?? r.received_at,
			version: Number(r.version),
			events: events
				.filter((e) => e.dossier_id === r.id)
				.map((e) => ({
					eventId: e.id,
					action: e.action,
					actorRole: e.actor_role,
					at: e.at,
					fromStatus: e.from_status === null ? null : Number(e.from_status),
					status: Number(e.status),
					note: e.note,
					payload: e.payload ? (JSON.parse(e.payload) as unknown) : null
				}))
		}))
	};
}
