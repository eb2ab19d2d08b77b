import { createOfficer, listStaff } from '$lib/server/accounts';
import { currentUnits, listAgencyNames } from '$lib/server/agencies';
import { serverContext } from '$lib/server/context';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import { requireAdminPage } from '$lib/server/officer/access';
import { agenciesNearDailyLimit } from '$lib/server/dossiers/sequence';
import type { Actions, PageServerLoad } from './$types';

const requireAdmin = (locals: App.Locals) => requireAdminPage(locals.account, '/admin/officers', 'Chỉ quản trị viên mới được tạo tài khoản cán bộ.');

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const { deps } = await serverContext();
	// The directory has 10,000 agencies: the list shows one province's at a time.
	const province = currentUnits.provinceByCode.get(url.searchParams.get('province') ?? '');
	const [agencies, officers, nearDailyLimit] = await Promise.all([listAgencyNames(deps.db, province?.code), listStaff(deps.db), agenciesNearDailyLimit(deps.db)]);
	return {
		nearDailyLimit,
		agencies,
		officers,
		province: province?.code ?? '',
		provinces: currentUnits.provinces.map((p) => ({ code: p.code, name: p.fullName }))
	};
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
			return actionFailure(e, values);
		}
	}
};
