/** POST /api/blobs/check: which of these files does the server already hold for this account? */
import type { Kysely } from 'kysely';
import { blobCheckRequestSchema, type BlobCheckAnswer } from '$lib/domain/wire/dossiers';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { presentBlobs } from './repository';

export async function checkBlobs(db: Kysely<Database>, accountId: string, body: unknown): Promise<BlobCheckAnswer> {
	const parsed = blobCheckRequestSchema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path.map(String).join('.') || 'hashes';
		throw new ApiError('invalid_request', `Danh sách mã tệp không hợp lệ: ${issue.message}`, { fields: { [path]: issue.message } });
	}
	return { present: await presentBlobs(db, accountId, parsed.data.hashes) };
}
