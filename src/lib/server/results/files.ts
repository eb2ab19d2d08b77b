/** The result files of a dossier, served to its owner through the one safe attachment answer. */
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { attachmentResponse } from '../http/attachment-response';
import { blobPath } from '../blobs/store';

const NOT_FOUND = 'Không tìm thấy tệp kết quả này trong hồ sơ của bạn.';

export async function serveResultFile(db: Kysely<Database>, dataDir: string, accountId: string, dossierId: string, sha256: string): Promise<Response> {
	if (!/^[0-9a-f-]{36}$/i.test(dossierId) || !/^[0-9a-f]{64}$/.test(sha256)) throw new ApiError('not_found', NOT_FOUND);
	const file = await db
		.selectFrom('dossier_results as r')
		.innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
		.select(['r.name', 'r.type', 'd.account_id'])
		.where('r.dossier_id', '=', dossierId)
		.where('r.sha256', '=', sha256)
		.executeTakeFirst();
	if (!file || file.account_id !== accountId) throw new ApiError('not_found', NOT_FOUND);
	await stat(blobPath(dataDir, sha256)).catch(() => {
		throw new ApiError('not_found', 'Tệp kết quả đã bị xoá khỏi kho lưu trữ; hãy liên hệ cơ quan giải quyết.');
	});
	return attachmentResponse(dataDir, sha256, { filename: file.name, type: file.type, disposition: 'attachment' });
}
