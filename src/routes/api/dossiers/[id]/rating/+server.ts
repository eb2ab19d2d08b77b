import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { readJson, requireAccount, respond } from '$lib/server/http/respond';
import { rateDossier } from '$lib/server/results/rating';
import type { RequestHandler } from './$types';

/** My satisfaction rating of a dossier whose result I received `{ score, answers, comment? }`; once. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		return json(await rateDossier(db, accountId, params.id, await readJson(request)), { status: 201 });
	});
