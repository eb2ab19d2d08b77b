/**
 * PUT /api/dossiers/{id}: the idempotent submission of a dossier.
 *
 * The client generates the id and may send the same PUT many times (lost responses, two
 * tabs, the service worker): the same id with the same content answers the receipt stored
 * the first time (200); different content under a received id is a conflict (409); an id
 * someone else used is refused without saying anything about that dossier (409). A new
 * dossier is written in ONE transaction: code, dossier, first event and attachment list.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appointmentDate } from '$lib/domain/calendar';
import { assessFees } from '$lib/domain/fees';
import { dossierStatusNames, formatDossierCode, MAX_DAILY_SEQUENCE } from '$lib/domain/dossier';
import { vietnamDate, vietnamIso } from '$lib/domain/time';
import { formatSizeOverLimit } from '$lib/domain/format';
import { summarizeFields } from '$lib/domain/wire/errors';
import { dossierReceiptSchema, manifestDigest, type DossierManifest, type DossierReceipt } from '$lib/domain/wire/dossiers';
import { workingCalendar } from '$lib/domain/holidays';
import { defaultSubmissionLimits, type Config } from '../config';
import type { Database } from '../db/types';
import { claimBlobs } from '../blobs/repository';
import { ApiError } from '../http/api-error';
import { countNewDossier } from './limits';
import { nextDossierSequence } from './sequence';
import { inWriteTransaction, isUniqueViolation } from './transaction';
import { checkSubmission, parseManifest, type CheckedSubmission, type Reference } from './validate';
import { serverReference } from './reference';
import { dossierSearchText } from './search-text';

export interface DossierDeps {
	db: Kysely<Database>;
	/** Submission limits default to the configuration's defaults (tests and tools may set their own). */
	config: Pick<Config, 'upload'> & Partial<Pick<Config, 'submissions'>>;
	now?: () => Date;
	/** Catalogue, agencies and units; the shipped data unless a test swaps it. */
	reference?: Reference;
}

export interface SubmitResult {
	status: 200 | 201;
	receipt: DossierReceipt;
}

const dossierIdSchema = z.uuid();

/** `address`: the client's network address, counted against the per-address limit (absent for internal callers). */
export async function submitDossier(deps: DossierDeps, accountId: string, dossierId: string, body: unknown, address?: string): Promise<SubmitResult> {
	if (!dossierIdSchema.safeParse(dossierId).success)
		throw new ApiError('invalid_id', 'Mã hồ sơ trên máy không hợp lệ (phải là UUID); hãy tạo lại hồ sơ từ bản nháp.');
	// An officer's or administrator's account works for the state: it does not file a citizen's dossier.
	const account = await deps.db.selectFrom('accounts').select('role').where('id', '=', accountId).executeTakeFirst();
	if (account?.role !== 'citizen')
		throw new ApiError('forbidden', 'Tài khoản cán bộ hoặc quản trị không nộp hồ sơ cho công dân. Hãy đăng nhập bằng tài khoản công dân của bạn để nộp.');

	const manifest = parseManifest(body);
	const digest = createHash('sha256').update(manifestDigest(manifest)).digest('hex');

	const replay = await existing(deps.db, accountId, dossierId, digest);
	if (replay) return replay;

	const now = deps.now?.() ?? new Date();
	const checked = checkSubmission(manifest, deps.reference ?? serverReference(), now);
	try {
		return await inWriteTransaction(deps.db, async (trx) => {
			// Checked again under the lock: a concurrent PUT of the same id may have won.
			const raced = await existing(trx, accountId, dossierId, digest);
			if (raced) return raced;
			await checkBlobs(trx, deps.config.upload.maxDossierBytes, accountId, manifest, now);
			await countNewDossier(trx, deps.config.submissions ?? defaultSubmissionLimits, { accountId, address, agencyCode: checked.agency.code }, now);
			return { status: 201 as const, receipt: await insertDossier(trx, { accountId, dossierId, manifest, digest, checked, now }) };
		});
	} catch (error) {
		// PostgreSQL: the concurrent PUT committed the same id between our check and insert.
		if (isUniqueViolation(error)) {
			const raced = await existing(deps.db, accountId, dossierId, digest);
			if (raced) return raced;
		}
		throw error;
	}
}

async function existing(db: Kysely<Database>, accountId: string, id: string, digest: string): Promise<SubmitResult | null> {
	const row = await db.selectFrom('dossiers').select(['account_id', 'digest', 'receipt']).where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	if (row.account_id !== accountId)
		throw new ApiError('dossier_id_taken', 'Mã hồ sơ trên máy trùng với một hồ sơ khác; hãy tạo lại hồ sơ từ bản nháp rồi gửi lại.');
	if (row.digest !== digest)
		throw new ApiError('dossier_conflict', 'Hồ sơ này đã được tiếp nhận với nội dung khác. Muốn sửa thông tin, hãy tạo hồ sơ mới hoặc liên hệ cơ quan tiếp nhận; hồ sơ đã nộp không bị thay đổi.');
	return { status: 200, receipt: dossierReceiptSchema.parse(JSON.parse(row.receipt)) };
}

/**
 * Every referenced file must be a verified blob of this account, and all of them together
 * within the limit. Called inside the write transaction: the rows are claimed (locked, their
 * age refreshed) so housekeeping cannot delete them before the commit (claimBlobs).
 */
export async function checkBlobs(trx: Kysely<Database>, maxDossierBytes: number, accountId: string, manifest: DossierManifest, now: Date) {
	const hashes = [...new Set(manifest.attachments.map((a) => a.sha256))];
	const held = new Map((await claimBlobs(trx, accountId, hashes, now)).map((b) => [b.sha256, b]));
	const missing = hashes.filter((h) => !held.has(h));
	if (missing.length) {
		const fields = Object.fromEntries(
			manifest.attachments
				.map((a, i) => [a, i] as const)
				.filter(([a]) => !held.has(a.sha256))
				.map(([a, i]) => [`attachments.${i}`, `Máy chủ chưa nhận được tệp "${a.name}"; ứng dụng sẽ tải tệp lên rồi gửi lại.`])
		);
		throw new ApiError('missing_blobs', `Máy chủ chưa nhận được ${missing.length} tệp đính kèm; ứng dụng sẽ tải lên rồi gửi lại.`, { fields, details: { missing } });
	}
	checkFileDetails(manifest, held);
	const total = hashes.reduce((sum, h) => sum + Number(held.get(h)!.size), 0);
	if (total > maxDossierBytes) {
		const over = formatSizeOverLimit(total, maxDossierBytes);
		throw new ApiError('dossier_too_large', `Các tệp đính kèm nặng tổng cộng ${over.size}, vượt giới hạn ${over.limit} cho một hồ sơ; hãy chụp lại ảnh nhỏ hơn hoặc bỏ bớt tệp.`);
	}
}

/**
 * The type and size a manifest states for each file, in its attachment list and in the
 * answers the officer reads, are those of the verified blob (its sniffed type and stored
 * size): a manifest cannot call a PNG a JPEG or a 956-byte file 1 byte.
 */
function checkFileDetails(manifest: DossierManifest, held: Map<string, { size: number | bigint | string; type: string }>) {
	const fields: Record<string, string> = {};
	const differs = (f: { sha256?: unknown; size?: unknown; type?: unknown }) => {
		const blob = typeof f.sha256 === 'string' ? held.get(f.sha256) : undefined;
		return blob !== undefined && (f.size !== Number(blob.size) || f.type !== blob.type);
	};
	const message = (name: unknown, blob: { size: number | bigint | string; type: string }) =>
		`Tệp "${String(name ?? '')}" trên máy chủ là ${blob.type}, ${Number(blob.size)} byte, khác với thông tin hồ sơ ghi; hãy bỏ tệp này và đính kèm lại.`;
	manifest.attachments.forEach((a, i) => {
		if (differs(a)) fields[`attachments.${i}`] = message(a.name, held.get(a.sha256)!);
	});
	for (const slot of new Set(manifest.attachments.map((a) => a.slot))) {
		const files = manifest.answers[slot];
		if (!Array.isArray(files)) continue;
		const bad = (files as { sha256?: unknown; name?: unknown }[]).find(differs);
		if (bad) fields[slot] = message(bad.name, held.get(bad.sha256 as string)!);
	}
	if (Object.keys(fields).length)
		throw new ApiError('attachment_mismatch', summarizeFields(fields, 'Thông tin tệp đính kèm không khớp tệp đã tải lên'), { fields });
}

interface NewDossier {
	accountId: string;
	dossierId: string;
	manifest: DossierManifest;
	digest: string;
	checked: CheckedSubmission;
	now: Date;
}

async function insertDossier(trx: Kysely<Database>, d: NewDossier): Promise<DossierReceipt> {
	const { procedure, agency } = d.checked;
	const day = vietnamDate(d.now).date;
	const sequence = await nextDossierSequence(trx, agency.code, day);
	if (sequence > MAX_DAILY_SEQUENCE)
		throw new ApiError('sequence_exhausted', `${agency.name} đã nhận đủ ${MAX_DAILY_SEQUENCE} hồ sơ hôm nay; hồ sơ sẽ được gửi lại vào ngày làm việc tiếp theo.`);
	const receipt = dossierReceiptSchema.parse({
		dossierId: d.dossierId,
		code: formatDossierCode(agency.code, day, sequence),
		procedureCode: procedure.code,
		procedureName: procedure.name,
		receivedAt: vietnamIso(d.now),
		appointmentDate: appointmentDate(workingCalendar, d.now, procedure.processingTime),
		status: 1,
		agencyName: agency.name,
		fees: assessFees(procedure, d.manifest.answers)
	});
	const at = d.now.toISOString();
	const applicant = await trx.selectFrom('accounts').select(['full_name', 'id_number']).where('id', '=', d.accountId).executeTakeFirstOrThrow();
	await trx
		.insertInto('dossiers')
		.values({
			id: d.dossierId,
			account_id: d.accountId,
			procedure_code: procedure.code,
			agency_code: agency.code,
			code: receipt.code,
			status: 1,
			manifest: JSON.stringify(d.manifest),
			digest: d.digest,
			received_at: at,
			appointment_date: receipt.appointmentDate,
			receipt: JSON.stringify(receipt),
			applicant_name: applicant.full_name,
			applicant_id_number: applicant.id_number,
			search_text: dossierSearchText(receipt.code, applicant.full_name, applicant.id_number),
			updated_at: at,
			version: 1
		})
		.execute();
	const eventId = randomUUID();
	await trx
		.insertInto('dossier_events')
		.values({
			id: eventId,
			dossier_id: d.dossierId,
			status: 1,
			at,
			note: dossierStatusNames[1],
			action: 'submit',
			actor_id: d.accountId,
			actor_role: 'citizen',
			actor_name: applicant.full_name,
			agency_code: agency.code,
			from_status: null,
			request_id: null,
			payload: null,
			appointment_date: receipt.appointmentDate
		})
		.execute();
	await trx.insertInto('dossier_versions').values({ dossier_id: d.dossierId, version: 1, manifest: JSON.stringify(d.manifest), event_id: eventId, created_at: at }).execute();
	const slots = [...new Map(d.manifest.attachments.map((a) => [`${a.slot}/${a.sha256}`, a])).values()];
	if (slots.length)
		await trx
			.insertInto('dossier_attachments')
			.values(slots.map((a) => ({ dossier_id: d.dossierId, slot: a.slot, sha256: a.sha256 })))
			.execute();
	return receipt;
}
