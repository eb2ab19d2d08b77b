import { json } from '@sveltejs/kit';
import { isoDateTimeSchema } from '$lib/domain/wire/primitives';
import { dossierDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { respond } from '$lib/server/http/respond';
import { checkBearer, dossiersSince } from '$lib/server/integration/read';
import type { RequestHandler } from './$types';

/** For the provincial one-stop system (documented in the README). */
export const GET: RequestHandler = ({ url, request }) =>
	respond(async () => {
		const { db, config } = await dossierDeps();
		checkBearer(request.headers.get('authorization'), config.integrationToken);
		const since = url.searchParams.get('since') ?? '1970-01-01T00:00:00.000Z';
		if (!isoDateTimeSchema.safeParse(since).success)
			throw new ApiError('invalid_query', 'Tham số since phải là thời điểm ISO 8601, ví dụ 2026-03-02T00:00:00Z.', { fields: { since: 'Thời điểm ISO 8601' } });
		return json(await dossiersSince(db, new Date(since).toISOString()));
	});
