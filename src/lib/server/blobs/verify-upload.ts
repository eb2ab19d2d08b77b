/**
 * The check when an upload's last byte arrives: the file must be exactly what the client
 * declared (size and SHA-256) and really be a JPEG, PNG, WebP or PDF by its content. A
 * failure removes the partial upload (re-sending the same bytes would fail again) and
 * answers 422 with a message the person can act on.
 */
import { join } from 'node:path';
import type { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { recordBlob } from './repository';
import { ApiError } from '../http/api-error';
import { tusFailure } from '../http/tus-responses';
import { checkContent, MAX_IMAGE_PIXELS, type ContentProblem } from './content-check';
import { hashFile, moveIntoStore, sniffAttachmentType, uploadsDir } from './store';
import { markUploadCompleted } from './upload-records';

export interface VerifyDeps {
	db: Kysely<Database>;
	dataDir: string;
	store: FileStore;
	now: () => Date;
}

export async function verifyFinishedUpload(deps: VerifyDeps, upload: Upload, accountId: string): Promise<void> {
	const path = join(uploadsDir(deps.dataDir), upload.id);
	const declared = upload.metadata?.sha256 ?? '';
	const name = upload.metadata?.filename ?? 'tệp';

	const refuse = async (code: 'size_mismatch' | 'hash_mismatch' | 'unsupported_type' | 'unsafe_file', message: string) => {
		await deps.store.remove(upload.id).catch(() => undefined);
		return tusFailure(new ApiError(code, message, { status: 422 }));
	};

	const { sha256, size } = await hashFile(path);
	if (size !== upload.size)
		throw await refuse('size_mismatch', `Tệp "${name}" nhận được ${size} byte, khác với ${upload.size} byte đã khai báo; ứng dụng sẽ tải lại tệp.`);
	if (sha256 !== declared)
		throw await refuse('hash_mismatch', `Tệp "${name}" bị hỏng trên đường truyền (mã SHA-256 không khớp); ứng dụng sẽ tải lại tệp.`);

	const sniffed = await sniffAttachmentType(path);
	if (!sniffed.allowed)
		throw await refuse(
			'unsupported_type',
			`Nội dung tệp "${name}" không phải ảnh JPEG, PNG, WebP hay tệp PDF; hãy chọn lại tệp.`
		);

	const problem = await checkContent(path, sniffed.allowed);
	if (problem) throw await refuse('unsafe_file', unsafeMessage(name, problem));

	await moveIntoStore(deps.dataDir, path, sha256);
	await deps.store.configstore.delete(upload.id);
	const at = deps.now();
	await deps.db.transaction().execute(async (trx) => {
		await recordBlob(trx, { accountId, sha256, size, type: sniffed.allowed!, at });
		await markUploadCompleted(trx, upload.id, at);
	});
}

function unsafeMessage(name: string, problem: ContentProblem): string {
	switch (problem.kind) {
		case 'pdf-script':
			return `Tệp PDF "${name}" có chứa mã chạy tự động (JavaScript), không an toàn cho cán bộ mở; hãy in ra rồi chụp ảnh, hoặc lưu lại thành PDF thường ("In" → "Lưu dưới dạng PDF") và đính kèm lại.`;
		case 'pdf-encrypted':
			return `Tệp PDF "${name}" được khoá bằng mật khẩu nên cán bộ không mở được; hãy gỡ mật khẩu (hoặc "In" → "Lưu dưới dạng PDF") rồi đính kèm lại.`;
		case 'image-too-large':
			return `Ảnh "${name}" có kích thước ${problem.width} × ${problem.height} điểm ảnh, quá lớn để mở (tối đa ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh); hãy chụp lại hoặc thu nhỏ ảnh.`;
		case 'image-unreadable':
			return `Không đọc được ảnh "${name}" (tệp hỏng hoặc không đầy đủ); hãy chụp lại ảnh và đính kèm lại.`;
	}
}
