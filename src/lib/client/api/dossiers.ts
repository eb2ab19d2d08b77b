/** Dossiers: the blob check, the idempotent submission, reading one's dossiers back, one's own actions and files. */
import { blobCheckAnswerSchema, dossierListAnswerSchema, dossierReceiptSchema, type DossierManifest } from '$lib/domain/wire/dossiers';
import { actionAnswerSchema, citizenDossierSchema, type ActionRequestInput } from '$lib/domain/wire/workflow';
import { createCall, data, defaultFetch, failureOf, networkFailure, noStore, send } from './request';

export function dossiersApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** POST /api/blobs/check: which of these files the server already holds for this account. */
		checkBlobs: (hashes: string[]) => data(call(blobCheckAnswerSchema, '/api/blobs/check', send('POST', { hashes }))).then((a) => a.present),
		/** PUT /api/dossiers/{id}: the idempotent submission; 201 new, 200 the same receipt again. */
		submitDossier: (id: string, manifest: DossierManifest) => call(dossierReceiptSchema, `/api/dossiers/${encodeURIComponent(id)}`, send('PUT', manifest)),
		/** GET /api/dossiers: the account's dossiers, newest first. */
		listDossiers: () => data(call(dossierListAnswerSchema, '/api/dossiers', noStore)).then((a) => a.dossiers),
		/** GET /api/dossiers/{id}: the dossier with its timeline, results and the actions open to its owner. */
		getDossier: (id: string) => data(call(citizenDossierSchema, `/api/dossiers/${encodeURIComponent(id)}`, noStore)),
		/** POST /api/dossiers/{id}/actions: supplement or withdraw; the same requestId again gets the same answer. */
		act: (id: string, request: ActionRequestInput) => data(call(actionAnswerSchema, `/api/dossiers/${encodeURIComponent(id)}/actions`, send('POST', request))),
		/** GET /api/dossiers/{id}/files/{sha256}: a file of one's own dossier (a result, an attachment) as bytes. */
		async file(id: string, sha256: string): Promise<Blob> {
			let response: Response;
			try {
				response = await fetcher(`/api/dossiers/${encodeURIComponent(id)}/files/${encodeURIComponent(sha256)}`, { credentials: 'same-origin', cache: 'no-store' });
			} catch {
				throw networkFailure();
			}
			if (!response.ok) throw failureOf(response.status, await response.json().catch(() => undefined));
			return response.blob();
		}
	};
}
