import { json } from '@sveltejs/kit';
import { parseDossierCode } from '$lib/domain/dossier';
import { demoOfficerFor } from '$lib/server/seed';
import { dossierDeps } from '$lib/server/context';
import { getDossier } from '$lib/server/dossiers/queries';
import { obligationsOf } from '$lib/server/payments/obligations';
import { submitDossier } from '$lib/server/dossiers/submit';
import { ApiError } from '$lib/server/http/api-error';
import { readJson, requireAccount, respond } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = ({ params, request, locals, getClientAddress }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const deps = await dossierDeps();
		const { status, receipt } = await submitDossier(deps, accountId, params.id, await readJson(request), getClientAddress());
		// Development: a dossier for an agency nobody works at gets that agency's demo officer.
		if (status === 201) await demoOfficerFor(parseDossierCode(receipt.code)!.agencyCode);
		return json(receipt, { status });
	});

export const GET: RequestHandler = ({ params, locals }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db, config } = await dossierDeps();
		const dossier = await getDossier(db, accountId, params.id);
		if (!dossier) throw new ApiError('not_found', 'Không tìm thấy hồ sơ này trong tài khoản của bạn.');
		return json({ ...dossier, obligations: await obligationsOf(db, dossier.id, config.vietqr) });
	});
