/**
 * POST /api/officer/dossiers/{id}/actions and POST /api/dossiers/{id}/actions: one action on
 * one dossier, decided by the domain's `decideAction` and written in ONE transaction — the
 * event row, the status, the appointment date, who holds it, and for a supplement the new
 * version, for a finish the result file. The client's `requestId` is unique per dossier: a
 * retry (lost answer, double click, the outbox replaying) finds the event and gets the same
 * answer; an action against a status that has moved on is refused with the current status.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { workingCalendar } from '$lib/domain/holidays';
import { decideAction, type Actor, type WorkflowDossier } from '$lib/domain/workflow';
import type { DossierStatus } from '$lib/domain/dossier';
import { actionRequestSchema, type ActionAnswer, type ActionRequest } from '$lib/domain/wire/workflow';
import { manifestDeliverySchema, type DossierManifest } from '$lib/domain/wire/dossiers';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { parseWith } from '../http/respond';
import { getProcedure } from '../catalogue';
import { claimBlobs } from '../blobs/repository';
import { checkBlobs } from '../dossiers/submit';
import { checkSubmission } from '../dossiers/validate';
import { serverReference } from '../dossiers/reference';
import { inWriteTransaction, isSqlite, isUniqueViolation } from '../dossiers/transaction';
import { createObligation } from '../payments/obligations';
import { recordResultPaper, recordVerifiedPapers } from '../documents/record';
import { postalDetails } from '../results/view';
import { answerOf, type EventRow } from './events';

export interface WorkflowDeps {
	db: Kysely<Database>;
	config: Pick<Config, 'upload'>;
	now?: () => Date;
}

/** Who is acting, as the session knows them. */
export interface ActingAccount {
	id: string;
	role: 'citizen' | 'officer' | 'admin';
	agencyCode: string | null;
	fullName: string;
}

export const actorOf = (account: ActingAccount): Actor => ({ role: account.role, accountId: account.id, agencyCode: account.agencyCode });

export async function applyAction(deps: WorkflowDeps, account: ActingAccount, dossierId: string, body: unknown): Promise<ActionAnswer> {
	const request = parseWith(actionRequestSchema, body, 'invalid_input', 'Thao tác chưa hợp lệ');
	try {
		return await inWriteTransaction(deps.db, (trx) => applyLocked(trx, deps, account, dossierId, request));
	} catch (error) {
		// PostgreSQL: the same request committed by a concurrent retry between our check and insert.
		if (isUniqueViolation(error)) return inWriteTransaction(deps.db, (trx) => applyLocked(trx, deps, account, dossierId, request));
		throw error;
	}
}

/** What `decideAction` needs of a dossier row (its procedure's time limit and level from the catalogue). */
export function workflowDossierOf(row: {
	id: string;
	status: number;
	appointment_date: string;
	agency_code: string;
	account_id: string;
	assignee_id: string | null;
	assignee_name: string | null;
	procedure_code: string;
}): WorkflowDossier {
	const procedure = getProcedure(row.procedure_code);
	if (!procedure) throw new Error(`dossier ${row.id}: procedure ${row.procedure_code} is not in the catalogue`);
	return {
		status: Number(row.status) as DossierStatus,
		appointmentDate: row.appointment_date,
		agencyCode: row.agency_code,
		ownerId: row.account_id,
		assigneeId: row.assignee_id,
		assigneeName: row.assignee_name,
		processingTime: procedure.processingTime,
		resultFileRequired: procedure.onlineLevel === 'toan-trinh'
	};
}

export async function findEventByRequest(db: Kysely<Database>, dossierId: string, requestId: string): Promise<EventRow | undefined> {
	return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).where('request_id', '=', requestId).executeTakeFirst();
}

const NOT_FOUND = 'Không tìm thấy hồ sơ này.';

/** What `workflowDossierOf` reads, from `dossiers` left-joined with `accounts as assignee`. */
export const WORKFLOW_COLUMNS = [
	'dossiers.id',
	'dossiers.account_id',
	'dossiers.agency_code',
	'dossiers.procedure_code',
	'dossiers.status',
	'dossiers.appointment_date',
	'dossiers.assignee_id',
	'dossiers.version',
	'assignee.full_name as assignee_name'
] as const;

async function applyLocked(trx: Kysely<Database>, deps: WorkflowDeps, account: ActingAccount, dossierId: string, request: ActionRequest): Promise<ActionAnswer> {
	if (!/^[0-9a-f-]{36}$/i.test(dossierId)) throw new ApiError('not_found', NOT_FOUND);
	let query = trx
		.selectFrom('dossiers')
		.leftJoin('accounts as assignee', 'assignee.id', 'dossiers.assignee_id')
		.select([...WORKFLOW_COLUMNS, 'dossiers.manifest', 'dossiers.receipt'])
		.where('dossiers.id', '=', dossierId);
	// PostgreSQL: lock the dossier row so two actions on it run one after the other
	// (SQLite's BEGIN IMMEDIATE already serialises every writer).
	if (!isSqlite(trx)) query = query.forUpdate('dossiers') as typeof query;
	const row = await query.executeTakeFirst();
	if (!row) throw new ApiError('not_found', NOT_FOUND);

	const dossier = workflowDossierOf(row);
	const applied = await findEventByRequest(trx, dossierId, request.requestId);
	const now = deps.now?.() ?? new Date();
	const decision = decideAction(dossier, actorOf(account), request, { now, calendar: workingCalendar, applied: applied ? { requestId: request.requestId, action: applied.action } : null });

	if (decision.kind === 'replay') return answerOf(dossierId, applied!);
	if (decision.kind === 'refused')
		throw new ApiError(decision.code, decision.message, { fields: decision.fields, details: decision.status ? { status: decision.status } : undefined });

	// Back to processing from 6 means the fees are settled: a payment at the desk is recorded
	// (POST …/payments), never skipped by this action, so each obligation is paid or cancelled once.
	if (request.action === 'start' && decision.from === 6) {
		const unpaid = await trx.selectFrom('payment_obligations').select('id').where('dossier_id', '=', dossierId).where('state', '=', 'pending').executeTakeFirst();
		if (unpaid)
			throw new ApiError('action_not_allowed', 'Hồ sơ còn khoản phí chưa thu. Khi người nộp trả tại quầy, hãy ghi nhận khoản thu kèm số biên lai; thanh toán trực tuyến tự chuyển hồ sơ sang xử lý.');
	}

	const at = now.toISOString();
	const eventId = randomUUID();
	// Handing over (status 10) goes the way the citizen chose when sending; by post it needs the item number.
	const handover = request.action === 'return' ? await handoverOf(trx, row, request.trackingNumber, account.id, at) : undefined;
	let payload = decision.payload;
	if (handover) payload = { delivery: handover.method, ...(handover.tracking_number ? { trackingNumber: handover.tracking_number } : {}) };
	let version = Number(row.version);
	let manifest: DossierManifest | undefined;
	let issued: { sha256: string; name: string; size: number; type: string } | undefined;

	if (request.action === 'supplement' && request.manifest) {
		manifest = request.manifest;
		await checkResubmission(trx, deps, row, manifest, now);
		version += 1;
		payload = { ...payload, version };
	}
	if (request.action === 'finish' && request.result) {
		// Claimed, not read: housekeeping cannot delete the officer's upload before the commit (claimBlobs).
		const [file] = await claimBlobs(trx, account.id, [request.result.sha256], now);
		if (!file)
			throw new ApiError('missing_blobs', 'Máy chủ chưa có tệp kết quả này; hãy tải tệp lên lại.', { fields: { result: 'Hãy tải tệp kết quả lên lại' } });
		payload = { result: { ...request.result, size: Number(file.size), type: file.type } };
		issued = { sha256: file.sha256, name: request.result.name, size: Number(file.size), type: file.type };
		await trx
			.insertInto('dossier_results')
			.values({ dossier_id: dossierId, sha256: file.sha256, name: request.result.name, size: Number(file.size), type: file.type, event_id: eventId, created_at: at })
			.onConflict((oc) => oc.columns(['dossier_id', 'sha256']).doNothing())
			.execute();
	}

	const event: EventRow = {
		id: eventId,
		dossier_id: dossierId,
		status: decision.to,
		at,
		note: decision.note,
		action: decision.action,
		actor_id: account.id,
		actor_role: account.role,
		actor_name: account.fullName,
		agency_code: account.role === 'citizen' ? null : account.agencyCode,
		from_status: decision.from,
		request_id: request.requestId,
		payload: payload ? JSON.stringify(payload) : null,
		appointment_date: decision.appointmentDate
	};
	await trx.insertInto('dossier_events').values(event).execute();
	// Status 6 and what is owed are one write: the citizen's fee page reads the obligation.
	if (request.action === 'request-payment')
		await createObligation(trx, { dossierId, request: { amount: request.amount, items: request.items }, createdBy: account.id }, now);
	// Provided once, not again: what the desk accepted, and what it issued, become the citizen's papers.
	if (decision.action === 'accept') await recordVerifiedPapers(trx, row, eventId, now);
	if (issued) await recordResultPaper(trx, row, issued, eventId, now);
	if (handover) await trx.insertInto('result_deliveries').values({ ...handover, dossier_id: dossierId }).execute();
	if (manifest) {
		await trx.insertInto('dossier_versions').values({ dossier_id: dossierId, version, manifest: JSON.stringify(manifest), event_id: eventId, created_at: at }).execute();
		await addAttachments(trx, dossierId, manifest);
	}
	await trx
		.updateTable('dossiers')
		.set({
			status: decision.to,
			appointment_date: decision.appointmentDate,
			assignee_id: decision.assigneeId,
			updated_at: at,
			version,
			...(manifest ? { manifest: JSON.stringify(manifest) } : {})
		})
		.where('id', '=', dossierId)
		.execute();
	return answerOf(dossierId, event);
}

/** The delivery row of a dossier handed over: the citizen's choice, and by post the address, fee and item number. */
async function handoverOf(trx: Kysely<Database>, row: { manifest: string; agency_code: string }, trackingNumber: string | undefined, by: string, at: string) {
	const chosen = manifestDeliverySchema.safeParse((JSON.parse(row.manifest) as { delivery?: unknown }).delivery);
	const delivery = chosen.success ? chosen.data : ({ method: 'counter' } as const);
	const base = { method: delivery.method, counter_date: null, counter_bring: null, post_address: null, postal_fee: null, tracking_number: null, recorded_by: by, recorded_at: at, handed_over_at: at };
	if (delivery.method !== 'post') return base;
	if (!trackingNumber)
		throw new ApiError('invalid_input', 'Người nộp chọn nhận kết quả qua bưu điện: hãy nhập số hiệu bưu gửi trước khi trả kết quả.', {
			fields: { trackingNumber: 'Hãy nhập số hiệu bưu gửi' }
		});
	const post = await postalDetails(trx, row.agency_code, delivery);
	return { ...base, post_address: post.address, postal_fee: post.postalFee, tracking_number: trackingNumber };
}

/** A resubmitted dossier: same procedure and agency, valid answers, files the citizen holds. */
async function checkResubmission(
	trx: Kysely<Database>,
	deps: WorkflowDeps,
	row: { account_id: string; procedure_code: string; agency_code: string },
	manifest: DossierManifest,
	now: Date
) {
	if (manifest.procedureCode !== row.procedure_code || manifest.agencyCode !== row.agency_code)
		throw new ApiError('invalid_manifest', 'Hồ sơ bổ sung phải giữ nguyên thủ tục và cơ quan tiếp nhận.', {
			fields: { procedureCode: 'Không đổi được thủ tục khi bổ sung' }
		});
	checkSubmission(manifest, serverReference(), now);
	await checkBlobs(trx, deps.config.upload.maxDossierBytes, row.account_id, manifest, now);
}

/** The files of every version stay readable to the desk: a resubmission adds its files to the list. */
async function addAttachments(trx: Kysely<Database>, dossierId: string, manifest: DossierManifest) {
	const slots = [...new Map(manifest.attachments.map((a) => [`${a.slot}/${a.sha256}`, a])).values()];
	if (slots.length)
		await trx
			.insertInto('dossier_attachments')
			.values(slots.map((a) => ({ dossier_id: dossierId, slot: a.slot, sha256: a.sha256 })))
			.onConflict((oc) => oc.columns(['dossier_id', 'slot', 'sha256']).doNothing())
			.execute();
}

/** For tests and benchmarks: how many events a dossier has. */
export async function countEvents(db: Kysely<Database>, dossierId: string): Promise<number> {
	const r = await db.selectFrom('dossier_events').select(sql<number>`count(*)`.as('n')).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
	return Number(r.n);
}
