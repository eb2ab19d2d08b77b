import { dossierDeps } from '$lib/server/context';
import { servePaperFile } from '$lib/server/documents/papers';
import { requireAccount, respond } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

/** One of the account's papers (?download=1 to save it); HEAD gives its size before any byte. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db, config } = await dossierDeps();
		return servePaperFile(db, config.dataDir, accountId, params.id, url.searchParams.has('download'));
	});
