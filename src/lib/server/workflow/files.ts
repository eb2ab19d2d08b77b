/**
 * Files of a dossier on the desk: the citizen's attachments and the result files, served to
 * the officer so a hostile file cannot run in our origin (its sniffed type, nosniff, a
 * sandboxing CSP, a download name that cannot break the header); and the officer's upload
 * of a result file (a plain POST: the desk has a decent connection, no resumable upload).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { formatBytes } from '$lib/domain/format';
import type { OfficerFileAnswer } from '$lib/domain/wire/workflow';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
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

/**
 * The response for a stored file. The type is the one sniffed at upload (never what the
 * client said); `sandbox` keeps even a crafted PDF or image from running script with our
 * origin; `inline` lets the browser show an image or a PDF, `download` asks to save it.
 */
export function fileResponse(dataDir: string, file: { sha256: string; name: string; type: string; size: number }, download = false): Response {
	const stream = Readable.toWeb(createReadStream(blobPath(dataDir, file.sha256))) as ReadableStream;
	const ascii = file.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;]/g, '_') || 'tep';
	return new Response(stream, {
		headers: {
			'content-type': file.type,
			'content-length': String(file.size),
			'content-disposition': `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
			'cache-control': 'private, no-store'
		}
	});
}

export async function serveOfficerFile(db: Kysely<Database>, dataDir: string, account: ActingAccount, dossierId: string, sha256: string, download: boolean) {
	const dossier = await readableDossier(db, account, dossierId);
	const file = await dossierFile(db, dossier, sha256);
	await stat(blobPath(dataDir, sha256)).catch(() => {
		throw new ApiError('not_found', 'Tệp đã bị xoá khỏi kho lưu trữ.');
	});
	return fileResponse(dataDir, file, download);
}

/** POST /api/officer/dossiers/{id}/files?name=…: the raw bytes of a result file (PDF or image). */
export async function uploadOfficerFile(
	deps: { db: Kysely<Database>; dataDir: string; maxFileBytes: number; now?: () => Date },
	account: ActingAccount,
	dossierId: string,
	request: Request,
	name: string | null
): Promise<OfficerFileAnswer> {
	if (account.role !== 'officer') throw new ApiError('forbidden', 'Chỉ cán bộ của cơ quan tiếp nhận mới tải được tệp kết quả.');
	await readableDossier(deps.db, account, dossierId);
	const fileName = (name ?? '').trim().slice(0, 200);
	if (!fileName) throw new ApiError('invalid_request', 'Thiếu tên tệp (?name=…).', { fields: { name: 'Tệp phải có tên' } });
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > deps.maxFileBytes)
		throw new ApiError('file_too_large', `Tệp nặng ${formatBytes(declared)}, vượt giới hạn ${formatBytes(deps.maxFileBytes)}.`);
	const bytes = new Uint8Array(await request.arrayBuffer());
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
