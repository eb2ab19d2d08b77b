import { json } from '@sveltejs/kit';
import { jsonError } from '$lib/server/http';
import { checkStaff } from '../../../officer/access';
import type { RequestHandler } from './$types';

/** The officer's work queue ("Hồ sơ cần xử lý"); empty until the officer workflow issue. */
export const GET: RequestHandler = ({ locals }) => {
	const check = checkStaff(locals.account);
	if (!check.ok) return jsonError(check.status, check.status === 401 ? 'unauthenticated' : 'forbidden', check.message);
	return json({ agencyCode: check.account.agencyCode, dossiers: [] });
};
