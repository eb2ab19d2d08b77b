import { error, redirect } from '@sveltejs/kit';
import { serverContext } from '$lib/server/context';
import { OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_FLOW_TTL_S, oidcSettings, startOidcLogin } from '$lib/server/oidc';
import { safeNext } from '../../signin/pending';
import type { RequestHandler } from './$types';

/** Starts "Đăng nhập bằng tài khoản định danh điện tử": off to the identity provider. */
export const GET: RequestHandler = async ({ url, cookies }) => {
	const { config } = await serverContext();
	const settings = oidcSettings(config, url.origin);
	if (!settings) error(404, 'Đăng nhập bằng tài khoản định danh điện tử chưa được bật trên máy chủ này.');
	let start;
	try {
		start = await startOidcLogin(settings, safeNext(url.searchParams.get('next')));
	} catch (e) {
		console.warn('OIDC discovery failed:', (e as Error).message);
		error(503, 'Không kết nối được hệ thống định danh điện tử. Hãy thử lại sau, hoặc đăng nhập bằng số CCCD và mật khẩu.');
	}
	cookies.set(OIDC_COOKIE, start.cookie, {
		path: OIDC_COOKIE_PATH,
		httpOnly: true,
		// Lax: the provider sends the person back with a top-level GET, which carries it.
		sameSite: 'lax',
		secure: config.env === 'production',
		maxAge: OIDC_FLOW_TTL_S
	});
	redirect(303, start.url.href);
};
