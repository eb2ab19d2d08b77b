import { redirect } from '@sveltejs/kit';
import { activate, createSession, resendActivationByIdentifier, resendActivationCode, type AccountTarget } from '$lib/server/accounts';
import { findAccountById, maskRecipient } from '$lib/server/accounts/store';
import { serverContext } from '$lib/server/context';
import { startSessionCookie } from '$lib/server/session-cookie';
import { actionFailure, formValues } from '$lib/server/http/form-actions';
import { PENDING_COOKIE } from '../../signin/pending';
import type { Actions, PageServerLoad } from './$types';

/** The account the code is for: the one just registered (cookie), or the ID/phone typed. */
function targetOf(cookies: { get(name: string): string | undefined }, values: Record<string, string>): AccountTarget {
	const pending = cookies.get(PENDING_COOKIE);
	return pending ? { accountId: pending } : { identifier: values.identifier ?? '' };
}

export const load: PageServerLoad = async ({ cookies }) => {
	const pending = cookies.get(PENDING_COOKIE);
	const { deps } = await serverContext();
	const account = pending ? await findAccountById(deps.db, pending) : undefined;
	if (!account || account.status !== 'pending') return { sentTo: null, known: false };
	return { known: true, sentTo: [maskRecipient(account.phone), account.email ? maskRecipient(account.email) : null].filter(Boolean).join(' hoặc ') };
};

export const actions: Actions = {
	verify: async ({ request, cookies, getClientAddress }) => {
		const { config, deps } = await serverContext();
		const values = formValues(await request.formData());
		let accountId: string;
		try {
			({ accountId } = await activate(deps, targetOf(cookies, values), values.code ?? '', { ip: getClientAddress() }));
		} catch (error) {
			return actionFailure(error, values);
		}
		const session = await createSession(deps, accountId, request.headers.get('user-agent'));
		await startSessionCookie(cookies, session.token, deps, config);
		cookies.delete(PENDING_COOKIE, { path: '/' });
		redirect(303, '/account?welcome=1');
	},
	resend: async ({ request, cookies, getClientAddress }) => {
		const { deps } = await serverContext();
		const values = formValues(await request.formData());
		const channel = values.channel === 'email' ? 'email' : 'sms';
		try {
			const target = targetOf(cookies, values);
			// Typed ID number or phone: the same answer whether such an account exists (issue 12, defect 4).
			if ('identifier' in target) return { resent: (await resendActivationByIdentifier(deps, { identifier: target.identifier, channel, ip: getClientAddress() })).message };
			const issued = await resendActivationCode(deps, target, channel);
			return { resent: `Đã gửi mã mới tới ${issued.sentTo}. Mã có hiệu lực 10 phút.` };
		} catch (error) {
			return actionFailure(error, values);
		}
	}
};
