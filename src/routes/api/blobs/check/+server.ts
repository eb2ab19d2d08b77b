import { json } from '@sveltejs/kit';
import { checkBlobs } from '$lib/server/blobs/check';
import { answer, dossierDeps, readJson, requireAccount } from '$lib/server/dossiers/runtime';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) =>
	answer(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		return json(await checkBlobs(db, accountId, await readJson(request)));
	});
