import { redirect } from '@sveltejs/kit';
import { requestPasswordReset, resetPassword } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
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
			return actionFailure(error, values);
		}
	},
	reset: async ({ request, getClientAddress }) => {
		const { deps } = await serverContext();
		const values = formValues(await request.formData());
		try {
			await resetPassword(deps, { identifier: values.identifier ?? '', code: values.code ?? '', newPassword: values.newPassword ?? '', ip: getClientAddress() });
		} catch (error) {
			return actionFailure(error, values);
		}
		redirect(303, '/signin?reset=1');
	}
};
