/**
 * GET /api/documents and GET /api/documents/{id}/file: the signed-in account's own papers
 * (verified and issued), and one paper's file. Every query is keyed on the session's account:
 * someone else's paper looks exactly like a missing one.
 */
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { documentMetadataSchema, documentType, validityOf } from '$lib/domain/documents';
import { heldSlots } from '$lib/domain/document-store';
import { vietnamDate } from '$lib/domain/time';
import { documentsAnswerSchema, type DocumentsAnswer, type HeldSlot, type Paper } from '$lib/domain/wire/documents';
import { dossierReceiptSchema } from '$lib/domain/wire/dossiers';
import { procedureCodeSchema } from '$lib/domain/wire/primitives';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { attachmentResponse } from '../http/attachment-response';
import { blobPath } from '../blobs/store';
import { getProcedure } from '../catalogue';

const NO_PAPER = 'Không tìm thấy giấy tờ này trong tài khoản của bạn.';

/** The account's papers, newest first; the same file verified again by a later dossier is listed once (the latest proof). */
export async function listPapers(db: Kysely<Database>, accountId: string, now: Date, procedure?: string | null): Promise<DocumentsAnswer> {
	const asked = procedure ? checkProcedure(procedure) : undefined;
	const rows = await db
		.selectFrom('papers')
		.innerJoin('dossiers', 'dossiers.id', 'papers.dossier_id')
		.select([
			'papers.id',
			'papers.origin',
			'papers.slot',
			'papers.sha256',
			'papers.name',
			'papers.size',
			'papers.type',
			'papers.type_id',
			'papers.metadata',
			'papers.created_at',
			'dossiers.id as dossier_id',
			'dossiers.code',
			'dossiers.procedure_code',
			'dossiers.receipt'
		])
		.where('papers.account_id', '=', accountId)
		.orderBy('papers.created_at', 'desc')
		.orderBy('papers.id')
		.execute();

	const today = vietnamDate(now).date;
	const seen = new Set<string>();
	const papers: Paper[] = [];
	for (const r of rows) {
		const key = `${r.origin}/${r.type_id}/${r.sha256}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const metadata = documentMetadataSchema.parse(JSON.parse(r.metadata));
		const receipt = dossierReceiptSchema.safeParse(JSON.parse(r.receipt));
		papers.push({
			id: r.id,
			origin: r.origin,
			metadata,
			validity: validityOf(metadata, today),
			reusable: documentType(r.type_id)?.reusable ?? false,
			file: { sha256: r.sha256, name: r.name, size: Number(r.size), type: r.type as Paper['file']['type'] },
			dossier: {
				id: r.dossier_id,
				code: r.code,
				procedureCode: r.procedure_code,
				procedureName: receipt.success ? receipt.data.procedureName : (getProcedure(r.procedure_code)?.name ?? r.procedure_code)
			},
			...(r.slot ? { slot: r.slot } : {}),
			agencyName: receipt.success ? receipt.data.agencyName : '',
			at: r.created_at
		});
	}
	const held = (code: string): HeldSlot[] =>
		heldSlots(code, papers.map((p) => ({ id: p.id, origin: p.origin, metadata: p.metadata, reusable: p.reusable, procedureCode: p.dossier.procedureCode, slot: p.slot })), today);
	const answer: DocumentsAnswer = asked ? { papers, held: held(asked) } : { papers };
	// The answer is what the device will parse: check it here too, so a bad row fails loudly on the server.
	return documentsAnswerSchema.parse(answer);
}

function checkProcedure(code: string): string {
	if (!procedureCodeSchema.safeParse(code).success)
		throw new ApiError('invalid_query', 'Mã thủ tục có dạng 1.001193.', { fields: { procedure: 'Mã thủ tục có dạng 1.001193' } });
	if (!getProcedure(code)) throw new ApiError('procedure_not_found', 'Không tìm thấy thủ tục này.');
	return code;
}

/** One paper's file, to the account that holds it; `download` saves it, otherwise it opens in the browser's sandboxed viewer. */
export async function servePaperFile(db: Kysely<Database>, dataDir: string, accountId: string, paperId: string, download: boolean): Promise<Response> {
	if (!/^[0-9a-f-]{36}$/i.test(paperId)) throw new ApiError('not_found', NO_PAPER);
	const paper = await db.selectFrom('papers').select(['sha256', 'name', 'type']).where('id', '=', paperId).where('account_id', '=', accountId).executeTakeFirst();
	if (!paper) throw new ApiError('not_found', NO_PAPER);
	await stat(blobPath(dataDir, paper.sha256)).catch(() => {
		throw new ApiError('not_found', 'Tệp đã bị xoá khỏi kho lưu trữ.');
	});
	return attachmentResponse(dataDir, paper.sha256, { filename: paper.name, type: paper.type, disposition: download ? 'attachment' : 'inline' });
}
