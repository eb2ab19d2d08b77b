import { json } from '@sveltejs/kit';
import { LOOKUP_MISSING_MESSAGE, parseLookupQuery } from '$lib/domain/wire/lookup';
import { dossierDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { respond } from '$lib/server/http/respond';
import { lookupDossiers } from '$lib/server/lookup';
import type { RequestHandler } from './$types';

/** Tra cứu hồ sơ: anyone may ask; see $lib/server/lookup for what each caller is shown. */
export const GET: RequestHandler = ({ url, locals, getClientAddress }) =>
	respond(async () => {
		const parsed = parseLookupQuery(url.searchParams);
		if (!parsed) throw new ApiError('invalid_query', LOOKUP_MISSING_MESSAGE, { fields: { code: LOOKUP_MISSING_MESSAGE } });
		if (!parsed.ok) throw new ApiError('invalid_query', Object.values(parsed.fields)[0], { fields: parsed.fields });
		const { db } = await dossierDeps();
		const viewer = locals.account ? { accountId: locals.account.id, idNumber: locals.account.idNumber } : null;
		return json(await lookupDossiers({ db }, parsed.query, viewer, getClientAddress()));
	});
