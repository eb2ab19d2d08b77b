import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { readJson, requireAccount, respond } from '$lib/server/http/respond';
import { applyAction } from '$lib/server/workflow/actions';
import type { RequestHandler } from './$types';

/** The citizen's own actions (supplement, withdraw) on their dossier; same shape as the officer's. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		requireAccount(locals);
		const deps = await dossierDeps();
		return json(await applyAction(deps, locals.account!, params.id, await readJson(request)));
	});
