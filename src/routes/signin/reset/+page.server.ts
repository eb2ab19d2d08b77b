import { redirect } from '@sveltejs/kit';
import { requestPasswordReset, resetPassword } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import { accountFailure, formValues } from '$lib/components/account/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	request: async ({ request, getClientAddress }) => {
		const { deps } = await serverContext();
		const values = formValues(await request.formData());
		try {
			const { message } = await requestPasswordReset(deps, {
				identifier: values.identifier ?? '',
				channel: values.channel === 'email' ? 'email' : 'sms',
				ip: getClientAddress()
			});
			return { requested: message, identifier: values.identifier ?? '' };
		} catch (error) {
			return accountFailure(error, values);
		}
	},
	reset: async ({ request }) => {
		const { deps } = await serverContext();
		const values = formValues(await request.formData());
		try {
			await resetPassword(deps, { identifier: values.identifier ?? '', code: values.code ?? '', newPassword: values.newPassword ?? '' });
		} catch (error) {
			return accountFailure(error, values);
		}
		redirect(303, '/signin?reset=1');
	}
};
