import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { readJson, respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { applyAction } from '$lib/server/workflow/actions';
import type { RequestHandler } from './$types';

/** One action `{ requestId, action, … }` → the dossier's state right after it (a retry answers the same). */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const officer = requireStaff(locals.account);
		const deps = await dossierDeps();
		return json(await applyAction(deps, officer, params.id, await readJson(request)));
	});
