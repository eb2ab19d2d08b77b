import type { Cookies } from '@sveltejs/kit';
import type { Config } from './config';
import { SESSION_TTL_MS } from './accounts/sessions';

export const SESSION_COOKIE = 'session';

/** HttpOnly (no script can read it), SameSite=Lax, Secure in production. */
export function setSessionCookie(cookies: Cookies, token: string, config: Pick<Config, 'env'>) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.env === 'production',
		maxAge: Math.floor(SESSION_TTL_MS / 1000)
	});
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
