import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { ratingSummary } from '$lib/server/results/rating';
import type { RequestHandler } from './$types';

/** The satisfaction ratings of my agency in aggregate. */
export const GET: RequestHandler = ({ locals }) =>
	respond(async () => {
		const staff = requireStaff(locals.account);
		const { db } = await dossierDeps();
		return json(await ratingSummary(db, staff.agencyCode));
	});
