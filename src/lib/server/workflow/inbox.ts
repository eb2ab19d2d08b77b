/**
 * The officer's reading side: the inbox (GET /api/officer/dossiers) paginated and counted in
 * SQL on the index agency + status + appointment date, and one dossier with its answers,
 * files, history and the actions the officer may take now. An officer sees only their
 * agency's dossiers; another agency's dossier is answered as "not found".
 */
import { sql, type Kysely } from 'kysely';
import type { DossierStatus } from '$lib/domain/dossier';
import { foldVietnamese } from '$lib/domain/text';
import { vietnamDate } from '$lib/domain/time';
import { availableActions, dueMarker } from '$lib/domain/workflow';
import { dossierManifestSchema, statusName } from '$lib/domain/wire/dossiers';
import {
	OFFICER_PAGE_SIZE,
	officerInboxQuerySchema,
	type DossierFileView,
	type OfficerDossier,
	type OfficerDossierItem,
	type OfficerInbox
} from '$lib/domain/wire/workflow';
import type { AttachmentType } from '$lib/domain/wire/primitives';
import type { Database } from '../db/types';
import { obligationsOf } from '../payments/obligations';
import { resultOf } from '../results/view';
import { ApiError } from '../http/api-error';
import { parseWith } from '../http/respond';
import { getProcedure } from '../catalogue';
import { actorOf, workflowDossierOf, type ActingAccount } from './actions';
import { toEventView } from './events';

/** The statuses still on the desk: what the inbox shows when no status is chosen. */
export const ACTIVE_STATUSES: DossierStatus[] = [1, 2, 4, 5, 6, 9];

const status = (code: number) => ({ code: Number(code), name: statusName(Number(code)) });

/** The agency whose dossiers this account may read; null = every agency (administrator without one). */
function scopeOf(account: ActingAccount): string | null {
	if (account.role === 'officer') {
		if (!account.agencyCode) throw new ApiError('forbidden', 'Tài khoản cán bộ chưa được gắn với cơ quan nào; hãy liên hệ quản trị viên.');
		return account.agencyCode;
	}
	if (account.role === 'admin') return account.agencyCode;
	throw new ApiError('forbidden', 'Trang này chỉ dành cho cán bộ Bộ phận một cửa.');
}

export async function officerInbox(db: Kysely<Database>, account: ActingAccount, params: URLSearchParams, now = new Date()): Promise<OfficerInbox> {
	// A plain GET form sends every field, empty ones too ("?status=&q=…"): empty means not chosen.
	const given = Object.fromEntries([...params].filter(([, v]) => v.trim() !== ''));
	const query = parseWith(officerInboxQuerySchema, given, 'invalid_query', 'Điều kiện tìm chưa hợp lệ');
	const scope = scopeOf(account);
	const page = Number(query.page ?? 1);
	const today = vietnamDate(now).date;
	const folded = foldVietnamese(query.q ?? '');

	let base = db.selectFrom('dossiers');
	if (scope) base = base.where('dossiers.agency_code', '=', scope);

	const countRows = await base.select(['dossiers.status', sql<number>`count(*)`.as('n')]).groupBy('dossiers.status').execute();
	const counts: Record<string, number> = { active: 0 };
	for (const r of countRows) {
		counts[String(r.status)] = Number(r.n);
		if (ACTIVE_STATUSES.includes(Number(r.status) as DossierStatus)) counts.active += Number(r.n);
	}

	let filtered = query.status ? base.where('dossiers.status', '=', Number(query.status)) : base.where('dossiers.status', 'in', ACTIVE_STATUSES);
	// Folded text holds only letters, digits, spaces, dots and commas: nothing LIKE treats specially.
	if (folded) filtered = filtered.where('dossiers.search_text', 'like', `%${folded}%`);

	const [{ n: total }] = await filtered.select(sql<number>`count(*)`.as('n')).execute();
	const rows = await filtered
		.leftJoin('accounts as assignee', 'assignee.id', 'dossiers.assignee_id')
		.innerJoin('agencies', 'agencies.code', 'dossiers.agency_code')
		.select([
			'dossiers.id',
			'dossiers.code',
			'dossiers.procedure_code',
			'dossiers.applicant_name',
			'dossiers.applicant_id_number',
			'dossiers.status',
			'dossiers.received_at',
			'dossiers.appointment_date',
			'dossiers.assignee_id',
			'assignee.full_name as assignee_name',
			'dossiers.agency_code',
			'agencies.name as agency_name'
		])
		.orderBy('dossiers.appointment_date')
		.orderBy('dossiers.received_at')
		.orderBy('dossiers.id')
		.limit(OFFICER_PAGE_SIZE)
		.offset((page - 1) * OFFICER_PAGE_SIZE)
		.execute();

	const agency = scope ? await db.selectFrom('agencies').select(['code', 'name']).where('code', '=', scope).executeTakeFirst() : undefined;
	return {
		agency: agency ?? (scope ? { code: scope, name: scope } : null),
		counts,
		total: Number(total),
		page,
		pageSize: OFFICER_PAGE_SIZE,
		today,
		dossiers: rows.map((r) => toItem(r, today))
	};
}

interface ItemRow {
	id: string;
	code: string;
	procedure_code: string;
	applicant_name: string | null;
	applicant_id_number: string | null;
	status: number;
	received_at: string;
	appointment_date: string;
	assignee_id: string | null;
	assignee_name: string | null;
	agency_code: string;
	agency_name: string;
}

function toItem(r: ItemRow, today: string): OfficerDossierItem {
	return {
		id: r.id,
		code: r.code,
		procedure: { code: r.procedure_code, name: getProcedure(r.procedure_code)?.name ?? r.procedure_code },
		applicant: { fullName: r.applicant_name ?? '', idNumber: r.applicant_id_number ?? '' },
		status: status(r.status),
		receivedAt: new Date(r.received_at).toISOString(),
		appointmentDate: r.appointment_date,
		due: dueMarker(Number(r.status) as DossierStatus, r.appointment_date, today),
		assignee: r.assignee_id ? { id: r.assignee_id, fullName: r.assignee_name ?? '' } : null,
		agency: { code: r.agency_code, name: r.agency_name }
	};
}

const NOT_FOUND = 'Không tìm thấy hồ sơ này trong cơ quan của bạn.';

/** The dossier row, if this staff account may read it (404 otherwise, never "forbidden": nothing is revealed). */
export async function readableDossier(db: Kysely<Database>, account: ActingAccount, id: string) {
	const scope = scopeOf(account);
	if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError('not_found', NOT_FOUND);
	const row = await db
		.selectFrom('dossiers')
		.innerJoin('accounts as owner', 'owner.id', 'dossiers.account_id')
		.innerJoin('agencies', 'agencies.code', 'dossiers.agency_code')
		.leftJoin('accounts as assignee', 'assignee.id', 'dossiers.assignee_id')
		.select([
			'dossiers.id',
			'dossiers.code',
			'dossiers.account_id',
			'dossiers.agency_code',
			'agencies.name as agency_name',
			'dossiers.procedure_code',
			'dossiers.applicant_name',
			'dossiers.applicant_id_number',
			'owner.phone as owner_phone',
			'owner.email as owner_email',
			'dossiers.status',
			'dossiers.received_at',
			'dossiers.appointment_date',
			'dossiers.assignee_id',
			'assignee.full_name as assignee_name',
			'dossiers.manifest',
			'dossiers.version'
		])
		.where('dossiers.id', '=', id)
		.executeTakeFirst();
	if (!row || (scope && row.agency_code !== scope)) throw new ApiError('not_found', NOT_FOUND);
	return row;
}

export const fileUrl = (dossierId: string, sha256: string) => `/api/officer/dossiers/${dossierId}/files/${sha256}`;

export async function officerDossier(db: Kysely<Database>, account: ActingAccount, id: string, now = new Date()): Promise<OfficerDossier> {
	const row = await readableDossier(db, account, id);
	const today = vietnamDate(now).date;
	const manifest = dossierManifestSchema.parse(JSON.parse(row.manifest));
	const events = await db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('at').orderBy('id').execute();
	const results = await db.selectFrom('dossier_results').selectAll().where('dossier_id', '=', id).orderBy('created_at').execute();
	const workflow = workflowDossierOf(row);
	const attachments: DossierFileView[] = manifest.attachments.map((a) => ({
		sha256: a.sha256,
		name: a.name,
		size: a.size,
		type: a.type,
		slot: a.slot,
		url: fileUrl(id, a.sha256)
	}));
	return {
		...toItem(row, today),
		applicant: { fullName: row.applicant_name ?? '', idNumber: row.applicant_id_number ?? '', phone: row.owner_phone, email: row.owner_email },
		manifest,
		version: Number(row.version),
		submittedAt: manifest.submittedAt,
		attachments,
		results: results.map((r) => ({ sha256: r.sha256, name: r.name, size: Number(r.size), type: r.type as AttachmentType, slot: 'result', url: fileUrl(id, r.sha256) })),
		events: events.map(toEventView),
		nextActions: availableActions(workflow, actorOf(account)),
		mine: row.assignee_id === null || row.assignee_id === account.id,
		// The desk takes money and hands over; the transfer QR is the citizen's (no fee account needed here).
		obligations: await obligationsOf(db, id, undefined),
		result: await resultOf(db, { id, agency_code: row.agency_code, delivery: manifest.delivery })
	};
}
