import { dossierDeps } from '$lib/server/context';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { serveOfficerFile } from '$lib/server/workflow/files';
import type { RequestHandler } from './$types';

/** An attachment or result file of a dossier of the officer's agency (?download=1 to save it). */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond(async () => {
		const officer = requireStaff(locals.account);
		const { db, config } = await dossierDeps();
		return serveOfficerFile(db, config.dataDir, officer, params.id, params.sha256, url.searchParams.has('download'));
	});
