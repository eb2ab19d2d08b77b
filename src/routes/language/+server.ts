import { LANG_COOKIE } from '$lib/domain/wire/cookies';
import { serverContext } from '$lib/server/context';
import { isAllowedOrigin } from '$lib/server/http/origin-check';
import type { RequestHandler } from './$types';

/**
 * The header's language button before the scripts start (seconds on 2G): the button is a form
 * that posts here, so a tap that comes early still switches. Once the app has started, the
 * button's handler switches on the device and nothing is sent. The choice goes into the `lang`
 * cookie the server renders pages in (hooks.server.ts) and the page reads at start
 * (i18n.svelte.ts), then the person goes back to the page they were on, query included.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData().catch(() => undefined);
	const locale = form?.get('to') === 'en' ? 'en' : 'vi';
	// Written as 'vi' too (not removed): a choice made here outranks an older one kept on the device.
	cookies.set(LANG_COOKIE, locale, { path: '/', maxAge: 31_536_000, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
	const development = (await serverContext()).config.env === 'development';
	return new Response(null, { status: 303, headers: { location: pageBack(request.headers.get('referer'), url, development) } });
};

/** The page the form was on, from a page of ours only (never an open redirect). */
function pageBack(referer: string | null, site: URL, development: boolean): string {
	if (!referer) return '/';
	try {
		const from = new URL(referer);
		return isAllowedOrigin(from.origin, site, development) && from.pathname !== '/language' ? from.pathname + from.search : '/';
	} catch {
		return '/';
	}
}
