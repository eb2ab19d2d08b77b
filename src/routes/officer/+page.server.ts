import { error, redirect } from '@sveltejs/kit';
import { agencyNamed } from '$lib/server/agencies';
import { serverContext } from '$lib/server/context';
import { checkStaff } from '$lib/server/officer/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const check = checkStaff(locals.account);
	if (!check.ok && check.status === 401) redirect(303, '/signin?next=/officer');
	if (!check.ok) error(check.status, check.message);
	const { deps } = await serverContext();
	const code = check.account.agencyCode;
	const agency = code ? await agencyNamed(deps.db, code) : undefined;
	return {
		officer: { fullName: check.account.fullName, role: check.account.role },
		agency: agency ?? (code ? { code, name: code } : null)
	};
};
