import { error, redirect } from '@sveltejs/kit';
import { serverContext } from '$lib/server/context';
import { completeOidcSignIn, OIDC_COOKIE, OIDC_COOKIE_PATH, oidcSettings } from '$lib/server/oidc';
import { startSessionCookie } from '$lib/server/session-cookie';
import type { RequestHandler } from './$types';

/** The identity provider sends the person back here with a code; state/nonce/PKCE are checked. */
export const GET: RequestHandler = async ({ url, cookies, request }) => {
	const { config, deps } = await serverContext();
	const settings = oidcSettings(config, url.origin);
	if (!settings) error(404, 'Đăng nhập bằng tài khoản định danh điện tử chưa được bật trên máy chủ này.');
	const flow = cookies.get(OIDC_COOKIE);
	// One attempt per cookie: a replayed callback finds nothing.
	cookies.delete(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
	if (url.searchParams.has('error')) error(400, 'Bạn đã huỷ hoặc hệ thống định danh đã từ chối đăng nhập. Hãy thử lại, hoặc đăng nhập bằng số CCCD và mật khẩu.');
	let result;
	try {
		result = await completeOidcSignIn(deps, settings, url, flow, request.headers.get('user-agent'));
	} catch (e) {
		const name = (e as Error)?.name;
		if (name === 'OidcError' || name === 'AccountError') error(400, (e as Error).message);
		throw e;
	}
	await startSessionCookie(cookies, result.token, deps, config);
	redirect(303, result.next ?? (result.account.role === 'citizen' ? '/account' : '/officer'));
};
