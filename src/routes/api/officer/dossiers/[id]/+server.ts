import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { officerDossier } from '$lib/server/workflow/inbox';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const officer = requireStaff(locals.account);
		const { db } = await dossierDeps();
		return json(await officerDossier(db, officer, params.id));
	});
