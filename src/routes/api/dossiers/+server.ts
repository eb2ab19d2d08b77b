import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { listDossiers } from '$lib/server/dossiers/queries';
import { requireAccount, respond } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		return json({ dossiers: await listDossiers(db, accountId) });
	});
