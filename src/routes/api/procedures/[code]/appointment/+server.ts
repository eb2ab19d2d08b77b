import { json } from '@sveltejs/kit';
import { getProcedure } from '$lib/server/catalogue';
import { appointmentFor } from '$lib/server/dossiers/appointment';
import { answer } from '$lib/server/dossiers/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) =>
	answer(async () => json(appointmentFor(getProcedure(params.code), params.code, url.searchParams.get('receivedAt'))));
