/** Dossiers: the blob check, the idempotent submission, and reading one's dossiers back. */
import {
	blobCheckAnswerSchema,
	dossierDetailSchema,
	dossierListAnswerSchema,
	dossierReceiptSchema,
	type DossierManifest
} from '$lib/domain/wire/dossiers';
import { createCall, data, defaultFetch, noStore, send } from './request';

export function dossiersApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** POST /api/blobs/check: which of these files the server already holds for this account. */
		checkBlobs: (hashes: string[]) => data(call(blobCheckAnswerSchema, '/api/blobs/check', send('POST', { hashes }))).then((a) => a.present),
		/** PUT /api/dossiers/{id}: the idempotent submission; 201 new, 200 the same receipt again. */
		submitDossier: (id: string, manifest: DossierManifest) => call(dossierReceiptSchema, `/api/dossiers/${encodeURIComponent(id)}`, send('PUT', manifest)),
		/** GET /api/dossiers: the account's dossiers, newest first. */
		listDossiers: () => data(call(dossierListAnswerSchema, '/api/dossiers', noStore)).then((a) => a.dossiers),
		/** GET /api/dossiers/{id} */
		getDossier: (id: string) => data(call(dossierDetailSchema, `/api/dossiers/${encodeURIComponent(id)}`, noStore))
	};
}
