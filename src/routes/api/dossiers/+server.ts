import { json } from '@sveltejs/kit';
import { listDossiers } from '$lib/server/dossiers/queries';
import { answer, dossierDeps, requireAccount } from '$lib/server/dossiers/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	answer(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		return json({ dossiers: await listDossiers(db, accountId) });
	});
