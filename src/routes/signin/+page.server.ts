import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/accounts';
import { findAccountByIdentifier } from '$lib/server/accounts/store';
import { serverContext } from '$lib/server/context';
import { startSessionCookie } from '$lib/server/session-cookie';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import { PENDING_COOKIE, safeNext, setPendingAccount } from './pending';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { config } = await serverContext();
	// Signed in and not asking to switch to another account: nothing to do here.
	if (locals.account && !url.searchParams.has('account')) redirect(303, safeNext(url.searchParams.get('next')) ?? homeOf(locals.account.role));
	return { oidcEnabled: Boolean(config.oidc), signedIn: locals.account ? locals.account.fullName : null };
};

const homeOf = (role: string) => (role === 'citizen' ? '/account' : '/officer');

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const { config, deps } = await serverContext();
		const values = formValues(await request.formData());
		let result;
		try {
			result = await signIn(deps, {
				identifier: values.identifier ?? '',
				password: values.password ?? '',
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
		} catch (error) {
			// A right password on a not-yet-activated account: continue where registration stopped.
			if ((error as { code?: string })?.code === 'account_pending') {
				const account = await findAccountByIdentifier(deps.db, values.identifier ?? '');
				if (account) setPendingAccount(cookies, account.id, config);
			}
			return actionFailure(error, values);
		}
		await startSessionCookie(cookies, result.token, deps, config);
		cookies.delete(PENDING_COOKIE, { path: '/' });
		redirect(303, safeNext(values.next ?? url.searchParams.get('next')) ?? homeOf(result.account.role));
	}
};
