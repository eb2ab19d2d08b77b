/**
 * The citizen's reading side of the workflow: their own dossier with the very event rows the
 * desk reads (so the two views cannot disagree), the result files, and the actions open to
 * them now; and their files, served only to the owner. Someone else's dossier is answered
 * exactly like a dossier that does not exist.
 */
import type { Kysely } from 'kysely';
import { availableActions } from '$lib/domain/workflow';
import type { AttachmentType } from '$lib/domain/wire/primitives';
import type { CitizenDossier } from '$lib/domain/wire/workflow';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { getDossier } from '../dossiers/queries';
import { actorOf, WORKFLOW_COLUMNS, workflowDossierOf, type ActingAccount } from './actions';
import { toEventView } from './events';
import { dossierFile, serveDossierFile } from './files';

const NOT_FOUND = 'Không tìm thấy hồ sơ này trong tài khoản của bạn.';

export const citizenFileUrl = (dossierId: string, sha256: string) => `/api/dossiers/${dossierId}/files/${sha256}`;

/** The dossier row, if it is this citizen's own (404 otherwise). */
async function ownDossier(db: Kysely<Database>, account: ActingAccount, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError('not_found', NOT_FOUND);
	const row = await db
		.selectFrom('dossiers')
		.leftJoin('accounts as assignee', 'assignee.id', 'dossiers.assignee_id')
		.select([...WORKFLOW_COLUMNS, 'dossiers.manifest'])
		.where('dossiers.id', '=', id)
		.where('dossiers.account_id', '=', account.id)
		.executeTakeFirst();
	if (!row) throw new ApiError('not_found', NOT_FOUND);
	return row;
}

export async function citizenDossier(db: Kysely<Database>, account: ActingAccount, id: string): Promise<CitizenDossier> {
	const row = await ownDossier(db, account, id);
	const detail = await getDossier(db, account.id, id);
	if (!detail) throw new ApiError('not_found', NOT_FOUND);
	const events = await db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', id).orderBy('at').orderBy('id').execute();
	const results = await db.selectFrom('dossier_results').selectAll().where('dossier_id', '=', id).orderBy('created_at').execute();
	return {
		...detail,
		version: Number(row.version),
		timeline: events.map(toEventView),
		results: results.map((r) => ({ sha256: r.sha256, name: r.name, size: Number(r.size), type: r.type as AttachmentType, slot: 'result', url: citizenFileUrl(id, r.sha256) })),
		nextActions: account.role === 'citizen' ? availableActions(workflowDossierOf(row), actorOf(account)) : []
	};
}

/** GET /api/dossiers/{id}/files/{sha256}: an attachment of any version or a result file, to the owner only. */
export async function serveCitizenFile(db: Kysely<Database>, dataDir: string, account: ActingAccount, dossierId: string, sha256: string, download: boolean) {
	const dossier = await ownDossier(db, account, dossierId);
	return serveDossierFile(dataDir, await dossierFile(db, dossier, sha256), download);
}
