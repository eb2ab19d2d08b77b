import { json } from '@sveltejs/kit';
import { parseDossierCode } from '$lib/domain/dossier';
import { demoOfficerFor } from '$lib/server/seed';
import { dossierDeps } from '$lib/server/context';
import { obligationsOf } from '$lib/server/payments/obligations';
import { ratingOf } from '$lib/server/results/rating';
import { resultOf } from '$lib/server/results/view';
import { submitDossier } from '$lib/server/dossiers/submit';
import { citizenDossier } from '$lib/server/workflow/citizen';
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

/** The citizen's own dossier with its timeline (the desk's event rows), results and open actions. */
export const GET: RequestHandler = ({ params, locals }) =>
	respond(async () => {
		requireAccount(locals);
		const { db, config } = await dossierDeps();
		const dossier = await citizenDossier(db, locals.account!, params.id);
		return json({
			...dossier,
			obligations: await obligationsOf(db, dossier.id, config.vietqr),
			result: await resultOf(db, { id: dossier.id, agency_code: dossier.manifest.agencyCode, delivery: dossier.manifest.delivery }),
			rating: await ratingOf(db, dossier.id)
		});
	});
