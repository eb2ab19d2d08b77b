/** Small server-side pieces shared by the sign-in and registration pages. */
import type { Cookies } from '@sveltejs/kit';
import type { Config } from '$lib/server/config';

/** Which account the code page is for, between registration and activation (not a session). */
export const PENDING_COOKIE = 'pending_account';

export function setPendingAccount(cookies: Cookies, accountId: string, config: Pick<Config, 'env'>) {
	cookies.set(PENDING_COOKIE, accountId, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.env === 'production',
		maxAge: 60 * 60
	});
}

/** Only same-site paths, so `?next=` cannot send a person to another site after sign-in. */
export function safeNext(next: string | null | undefined): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	return next;
}
