import { json } from '@sveltejs/kit';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import type { RequestHandler } from './$types';

/** The officer's work queue ("Hồ sơ cần xử lý"); empty until the officer workflow issue. */
export const GET: RequestHandler = ({ locals }) =>
	respond(() => {
		const officer = requireStaff(locals.account);
		return json({ agencyCode: officer.agencyCode, dossiers: [] });
	});
