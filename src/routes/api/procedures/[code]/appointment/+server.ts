import { json } from '@sveltejs/kit';
import { getProcedure } from '$lib/server/catalogue';
import { appointmentFor } from '$lib/server/dossiers/appointment';
import { respond } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) =>
	respond(async () => json(appointmentFor(getProcedure(params.code), params.code, url.searchParams.get('receivedAt'))));
