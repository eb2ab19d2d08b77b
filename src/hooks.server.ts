import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { serverContext } from '$lib/server/context';
import { checkHolidayData } from '$lib/server/holidays-check';
import { postalTariff } from '$lib/server/postal-tariff';
import { SESSION_COOKIE } from '$lib/server/session-cookie';
import { LANG_COOKIE } from '$lib/domain/wire/cookies';
import { applyLinkProcedure } from '$lib/apply-link.js';
import { renderInRequestLanguage } from '$lib/server/language';
import { sessionOfRequest } from '$lib/server/http/request-session';
import { refuseCrossSiteForm } from '$lib/server/http/origin-check';
import { refuseLargeBody } from '$lib/server/http/body-limit';
import { refuseRemoteDevPage } from '$lib/server/http/dev-pages';
import { apiErrorEnvelope } from '$lib/server/http/api-envelope';
import { SERVER_MESSAGE } from '$lib/server/http/respond';

// Prerendering at build time runs these hooks too: it must not open (and create) the data
// folder or the database; only the running server touches them.
export const init: ServerInit = async () => {
	// The holiday data is checked here, at build (prerendering runs init) and at every start,
	// so that phones never download its schema.
	checkHolidayData();
	// Pages render in the language chosen on the browser: every area's English, loaded once.
	await renderInRequestLanguage();
	// The postal tariff too (the shipped one at build, the configured one at start).
	postalTariff();
	if (building) return;
	const { config } = await serverContext();
	if (config.env === 'development') {
		const { seedDevelopment } = await import('$lib/server/seed');
		await seedDevelopment();
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	// The language chosen on this browser: pages render in it ($lib/server/language.ts).
	event.locals.locale = event.cookies.get(LANG_COOKIE) === 'en' ? 'en' : 'vi';
	if (building) return resolve(event);
	const ctx = await serverContext();
	const { pathname } = event.url;
	const refused = refuseCrossSiteForm(event.request, event.url, ctx.config.env === 'development');
	if (refused) return withHeaders(refused, pathname);
	const remote = refuseRemoteDevPage(pathname, event.getClientAddress);
	if (remote) return withHeaders(remote, pathname);
	const tooLarge = refuseLargeBody(event.request, pathname);
	if (tooLarge) return withHeaders(tooLarge, pathname);

	const who = await sessionOfRequest(ctx.deps, event.cookies.get(SESSION_COOKIE), pathname);
	if ('unavailable' in who) return withHeaders(who.unavailable, pathname);
	event.locals.account = who.session?.account ?? null;
	event.locals.sessionToken = who.session ? event.cookies.get(SESSION_COOKIE)! : null;

	const english = event.locals.locale === 'en';
	const procedure = applyLinkProcedure(pathname);
	let response = await resolve(
		event,
		english || procedure
			? {
					transformPageChunk: ({ html }) => {
						if (english) html = html.replace('<html lang="vi">', '<html lang="en">');
						// A link to a form (an SMS, a QR code): the procedure it needs comes in the
						// page's first round of requests instead of after the page's code has run;
						// for a signed-in person, so do their account's details, which pre-fill it.
						if (procedure) html = html.replace('</head>', `${applyLinkPreloads(procedure, Boolean(event.locals.account))}</head>`);
						return html;
					}
				}
			: undefined
	);
	if (pathname.startsWith('/api/')) response = await apiErrorEnvelope(response);
	// A page's words follow the `lang` cookie: no cache may hand one language's page to the other.
	if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.append('vary', 'cookie');
	// A page rendered for a signed-in person (account, drafts, outbox, officer desk) is theirs alone.
	if (event.locals.account && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return withHeaders(response, pathname);
};

const preload = (href: string) => `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous">\n`;
/** What a link to a form asks for before its code runs (src/routes/procedures/[code]/apply, autofill-profile.ts). */
function applyLinkPreloads(procedure: string, signedIn: boolean): string {
	return preload(`/api/procedures/${procedure}`) + (signedIn ? preload('/api/account') : '');
}

function withHeaders(response: Response, pathname: string): Response {
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	// Personal pages and API answers must not be kept by shared caches or the back/forward cache of a shared phone.
	if (pathname.startsWith('/api/') && !pathname.startsWith('/api/procedures')) response.headers.set('cache-control', 'no-store');
	return response;
}

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message: status === 404 ? 'Không tìm thấy trang này.' : SERVER_MESSAGE,
		code: status === 404 ? 'not_found' : 'server_error'
	};
};
