import { redirect } from '@sveltejs/kit';
import { signOut, signOutEverywhere } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import { clearSessionCookie } from '$lib/server/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.account ? locals.account.fullName : null });

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const { deps } = await serverContext();
		const everywhere = (await request.formData()).get('everywhere') === 'on';
		if (locals.account && locals.sessionToken) {
			if (everywhere) await signOutEverywhere(deps, locals.account.id);
			else await signOut(deps, locals.sessionToken);
		}
		clearSessionCookie(cookies);
		// `signedout` tells the page script to close the account's space on this device.
		redirect(303, `/signin?signedout=${everywhere ? 'all' : '1'}`);
	}
};
