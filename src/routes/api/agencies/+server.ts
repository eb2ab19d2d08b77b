import { json } from '@sveltejs/kit';
import { respond } from '$lib/server/http/respond';
import { competentAgencies } from '$lib/server/routing';
import type { RequestHandler } from './$types';

/** Public reference data: who may receive a procedure's dossier at a place (no account needed). */
export const GET: RequestHandler = ({ url }) => respond(() => json(competentAgencies(url.searchParams)));
