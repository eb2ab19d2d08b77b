import { redirect } from '@sveltejs/kit';
import { register } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import { setPendingAccount } from '../signin/pending';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.account) redirect(303, '/account');
};

function parseAddress(raw: string | undefined): unknown {
	try {
		return raw ? JSON.parse(raw) : undefined;
	} catch {
		return undefined;
	}
}

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const { config, deps } = await serverContext();
		const values = formValues(await request.formData());
		let accountId: string;
		try {
			const result = await register(
				deps,
				{
					fullName: values.fullName ?? '',
					idNumber: values.idNumber ?? '',
					dateOfBirth: values.dateOfBirth ?? '',
					sex: values.sex as 'nam' | 'nu',
					phone: values.phone ?? '',
					email: values.email,
					permanentAddress: parseAddress(values.permanentAddress) as never,
					password: values.password ?? '',
					channel: values.channel as 'sms' | 'email'
				},
				{ ip: getClientAddress() }
			);
			accountId = result.accountId;
		} catch (error) {
			return actionFailure(error, values);
		}
		setPendingAccount(cookies, accountId, config);
		redirect(303, '/register/verify?sent=1');
	}
};
