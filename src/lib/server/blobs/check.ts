/** POST /api/blobs/check: which of these files does the server already hold for this account? */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { sha256HexSchema } from '$lib/domain/dossier';
import type { Database } from '../db/types';
import { DossierError } from '../dossiers/errors';
import { MAX_CHECK_HASHES, presentBlobs } from './repository';

const checkSchema = z.strictObject({
	hashes: z.array(sha256HexSchema).max(MAX_CHECK_HASHES, `Hỏi tối đa ${MAX_CHECK_HASHES} tệp mỗi lần`)
});

export async function checkBlobs(db: Kysely<Database>, accountId: string, body: unknown): Promise<{ present: string[] }> {
	const parsed = checkSchema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const path = issue.path.map(String).join('.') || 'hashes';
		throw new DossierError(400, 'invalid_request', `Danh sách mã tệp không hợp lệ: ${issue.message}`, { [path]: issue.message });
	}
	return { present: await presentBlobs(db, accountId, parsed.data.hashes) };
}
