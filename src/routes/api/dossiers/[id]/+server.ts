import { json } from '@sveltejs/kit';
import { DossierError } from '$lib/server/dossiers/errors';
import { getDossier } from '$lib/server/dossiers/queries';
import { answer, dossierDeps, readJson, requireAccount } from '$lib/server/dossiers/runtime';
import { submitDossier } from '$lib/server/dossiers/submit';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = ({ params, request, locals }) =>
	answer(async () => {
		const accountId = requireAccount(locals);
		const deps = await dossierDeps();
		const { status, receipt } = await submitDossier(deps, accountId, params.id, await readJson(request));
		return json(receipt, { status });
	});

export const GET: RequestHandler = ({ params, locals }) =>
	answer(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		const dossier = await getDossier(db, accountId, params.id);
		if (!dossier) throw new DossierError(404, 'not_found', 'Không tìm thấy hồ sơ này trong tài khoản của bạn.');
		return json(dossier);
	});
