import { dossierDeps } from '$lib/server/context';
import { requireAccount, respond } from '$lib/server/http/respond';
import { serveCitizenFile } from '$lib/server/workflow/citizen';
import type { RequestHandler } from './$types';

/** A result file or an attachment of the citizen's own dossier (?download=1 to save it). */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond(async () => {
		requireAccount(locals);
		const { db, config } = await dossierDeps();
		return serveCitizenFile(db, config.dataDir, locals.account!, params.id, params.sha256, url.searchParams.has('download'));
	});
