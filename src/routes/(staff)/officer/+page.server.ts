import { error, redirect } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { ApiError } from '$lib/server/http/api-error';
import { checkStaff } from '$lib/server/officer/access';
import { officerInbox } from '$lib/server/workflow/inbox';
import { ratingSummary } from '$lib/server/results/rating';
import type { PageServerLoad } from './$types';

/** The inbox, rendered on the server from the query string (a plain GET form: works without script). */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const check = checkStaff(locals.account);
	if (!check.ok && check.status === 401) redirect(303, '/signin?next=/officer');
	if (!check.ok) error(check.status, check.message);
	setHeaders({ 'cache-control': 'no-store' });
	const { db } = await dossierDeps();
	try {
		const inbox = await officerInbox(db, check.account, url.searchParams);
		const ratings = await ratingSummary(db, check.account.agencyCode);
		return { officer: { fullName: check.account.fullName, role: check.account.role }, inbox, ratings, query: { status: url.searchParams.get('status') ?? '', q: url.searchParams.get('q') ?? '' } };
	} catch (e) {
		if (e instanceof ApiError) error(e.status, e.message);
		throw e;
	}
};
