import type { Cookies } from '@sveltejs/kit';
import type { Config } from './config';
import { SESSION_TTL_MS, signOut } from './accounts/sessions';
import type { AccountDeps } from './accounts/deps';
import { SESSION_COOKIE as SESSION, SIGNED_IN_COOKIE } from '$lib/domain/wire/cookies';

export const SESSION_COOKIE = SESSION;
/**
 * A script-readable marker with no secret in it ("someone has signed in on this browser"):
 * it tells the page to load the account switcher and the device's account databases, which
 * a first-time visitor never downloads.
 */
export const SIGNED_IN_MARKER = SIGNED_IN_COOKIE;

/** HttpOnly (no script can read it), SameSite=Lax, Secure in production. */
export function setSessionCookie(cookies: Cookies, token: string, config: Pick<Config, 'env'>) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.env === 'production',
		maxAge: Math.floor(SESSION_TTL_MS / 1000)
	});
	cookies.set(SIGNED_IN_MARKER, '1', {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: config.env === 'production',
		maxAge: Math.floor(SESSION_TTL_MS / 1000)
	});
}

/**
 * A new sign-in on this browser (again, or as another account): the session it held ends on
 * the server too, so a copied cookie of the old one is worth nothing (issue 12, defect 12).
 */
export async function startSessionCookie(cookies: Cookies, token: string, deps: Pick<AccountDeps, 'db'>, config: Pick<Config, 'env'>) {
	const previous = cookies.get(SESSION_COOKIE);
	if (previous && previous !== token) await signOut(deps, previous);
	setSessionCookie(cookies, token, config);
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
	// The marker stays: the device still has an account's space (and maybe a PIN) to show.
}
