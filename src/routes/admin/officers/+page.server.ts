import { error, redirect } from '@sveltejs/kit';
import { createOfficer } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import { accountFailure, formValues } from '$lib/components/account/forms';
import { checkStaff } from '../../officer/access';
import type { Actions, PageServerLoad } from './$types';

function requireAdmin(locals: App.Locals) {
	const check = checkStaff(locals.account, ['admin']);
	if (!check.ok && check.status === 401) redirect(303, '/signin?next=/admin/officers');
	if (!check.ok) error(check.status, 'Chỉ quản trị viên mới được tạo tài khoản cán bộ.');
	return check.account;
}

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const { deps } = await serverContext();
	const [agencies, officers] = await Promise.all([
		deps.db.selectFrom('agencies').select(['code', 'name']).orderBy('name').execute(),
		deps.db
			.selectFrom('accounts')
			.select(['full_name', 'phone', 'role', 'agency_code'])
			.where('role', 'in', ['officer', 'admin'])
			.orderBy('created_at', 'desc')
			.limit(200)
			.execute()
	]);
	return { agencies, officers };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const admin = requireAdmin(locals);
		const { deps } = await serverContext();
		const values = formValues(await request.formData());
		try {
			const result = await createOfficer(deps, admin.id, {
				role: values.role === 'admin' ? 'admin' : 'officer',
				agencyCode: values.agencyCode ?? '',
				fullName: values.fullName ?? '',
				idNumber: values.idNumber ?? '',
				phone: values.phone ?? '',
				email: values.email
			});
			return { created: { fullName: result.account.fullName, phone: result.account.phone, temporaryPassword: result.temporaryPassword ?? null } };
		} catch (e) {
			return accountFailure(e, values);
		}
	}
};
