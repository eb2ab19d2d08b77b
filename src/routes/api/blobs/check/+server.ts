import { json } from '@sveltejs/kit';
import { checkBlobs } from '$lib/server/blobs/check';
import { dossierDeps } from '$lib/server/context';
import { readJson, requireAccount, respond } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		return json(await checkBlobs(db, accountId, await readJson(request)));
	});
