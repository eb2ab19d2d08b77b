import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from '$lib/domain/wire/cookies';
import { chosenLocale, pageBack } from '$lib/domain/wire/language-form';
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
	const locale = chosenLocale(await request.formData().catch(() => undefined));
	// Written as 'vi' too (not removed): a choice made here outranks an older one kept on the device.
	cookies.set(LANG_COOKIE, locale, { path: '/', maxAge: LANG_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
	const development = (await serverContext()).config.env === 'development';
	const back = pageBack(request.headers.get('referer'), (origin) => isAllowedOrigin(origin, url, development));
	return new Response(null, { status: 303, headers: { location: back } });
};
