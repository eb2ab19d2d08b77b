/**
 * Files of a dossier on the desk: the citizen's attachments and the result files, served to
 * the officer through the one safe attachment answer (http/attachment-response.ts); and the officer's upload
 * of a result file (a plain POST: the desk has a decent connection, no resumable upload).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { formatBytes } from '$lib/domain/format';
import type { OfficerFileAnswer } from '$lib/domain/wire/workflow';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { attachmentResponse } from '../http/attachment-response';
import { recordBlob } from '../blobs/repository';
import { blobPath, hashFile, moveIntoStore, sniffAttachmentType, uploadsDir } from '../blobs/store';
import { dossierManifestSchema } from '$lib/domain/wire/dossiers';
import type { ActingAccount } from './actions';
import { readableDossier } from './inbox';

const NO_FILE = 'Hồ sơ không có tệp này.';

/** The file of this dossier with that hash (an attachment of any version, or a result), or 404. */
export async function dossierFile(db: Kysely<Database>, dossier: { id: string; account_id: string; manifest: string }, sha256: string) {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ApiError('not_found', NO_FILE);
	const result = await db.selectFrom('dossier_results').select(['name', 'type', 'size']).where('dossier_id', '=', dossier.id).where('sha256', '=', sha256).executeTakeFirst();
	if (result) return { sha256, name: result.name, type: result.type, size: Number(result.size) };
	const attached = await db.selectFrom('dossier_attachments').select('sha256').where('dossier_id', '=', dossier.id).where('sha256', '=', sha256).executeTakeFirst();
	const blob = attached
		? await db.selectFrom('blobs').select(['type', 'size']).where('account_id', '=', dossier.account_id).where('sha256', '=', sha256).executeTakeFirst()
		: undefined;
	if (!blob) throw new ApiError('not_found', NO_FILE);
	const named = dossierManifestSchema.safeParse(JSON.parse(dossier.manifest));
	const name = (named.success ? named.data.attachments.find((a) => a.sha256 === sha256)?.name : undefined) ?? `tep-${sha256.slice(0, 8)}`;
	return { sha256, name, type: blob.type, size: Number(blob.size) };
}

export async function serveOfficerFile(db: Kysely<Database>, dataDir: string, account: ActingAccount, dossierId: string, sha256: string, download: boolean) {
	const dossier = await readableDossier(db, account, dossierId);
	return serveDossierFile(dataDir, await dossierFile(db, dossier, sha256), download);
}

/** A dossier's file from the blob store, inline or (download) as an attachment; 404 if the store lost it. */
export async function serveDossierFile(dataDir: string, file: { sha256: string; name: string; type: string }, download: boolean) {
	await stat(blobPath(dataDir, file.sha256)).catch(() => {
		throw new ApiError('not_found', 'Tệp đã bị xoá khỏi kho lưu trữ.');
	});
	return attachmentResponse(dataDir, file.sha256, { filename: file.name, type: file.type, disposition: download ? 'attachment' : 'inline' });
}

/** A result file's bytes (POST /api/officer/dossiers/{id}/files?name=…, or the desk's finish form). */
export async function uploadOfficerFile(
	deps: { db: Kysely<Database>; dataDir: string; maxFileBytes: number; now?: () => Date },
	account: ActingAccount,
	dossierId: string,
	body: Uint8Array,
	name: string | null
): Promise<OfficerFileAnswer> {
	if (account.role !== 'officer') throw new ApiError('forbidden', 'Chỉ cán bộ của cơ quan tiếp nhận mới tải được tệp kết quả.');
	await readableDossier(deps.db, account, dossierId);
	const fileName = (name ?? '').trim().slice(0, 200);
	if (!fileName) throw new ApiError('invalid_request', 'Thiếu tên tệp (?name=…).', { fields: { name: 'Tệp phải có tên' } });
	const bytes = body;
	if (bytes.length === 0) throw new ApiError('empty_file', 'Tệp rỗng; hãy chọn lại tệp.');
	if (bytes.length > deps.maxFileBytes)
		throw new ApiError('file_too_large', `Tệp nặng ${formatBytes(bytes.length)}, vượt giới hạn ${formatBytes(deps.maxFileBytes)}.`);
	const dir = uploadsDir(deps.dataDir);
	await mkdir(dir, { recursive: true });
	const temp = join(dir, `officer-${randomUUID()}`);
	try {
		await writeFile(temp, bytes);
		const sniffed = await sniffAttachmentType(temp);
		if (!sniffed.allowed) throw new ApiError('unsupported_type', 'Tệp kết quả phải là PDF hoặc ảnh JPEG, PNG, WebP.');
		const { sha256, size } = await hashFile(temp);
		await moveIntoStore(deps.dataDir, temp, sha256);
		await recordBlob(deps.db, { accountId: account.id, sha256, size, type: sniffed.allowed, at: deps.now?.() ?? new Date() });
		return { sha256, name: fileName, size, type: sniffed.allowed };
	} finally {
		await rm(temp, { force: true });
	}
}
