import { dossierDeps } from '$lib/server/context';
import { requireAccount, respond } from '$lib/server/http/respond';
import { serveResultFile } from '$lib/server/results/files';
import type { RequestHandler } from './$types';

/** A result file of my dossier, as a download (the desk attached it when finishing). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db, config } = await dossierDeps();
		return serveResultFile(db, config.dataDir, accountId, params.id, params.sha256);
	});
