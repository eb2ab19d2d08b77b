/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import { cleanupOutdatedCaches, PrecacheRoute } from 'workbox-precaching';
import { ParallelPrecacheController } from '$lib/client/parallel-precache';
import { bundlePath, later, precachePaths } from '$lib/precache-plan.js';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { createCatalogueApi } from '$lib/domain/catalogue-api';
import type { Procedure } from '$lib/domain/procedure';
import { readProcedure } from '$lib/domain/wire/catalogue-readers';
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE } from '$lib/domain/wire/cookies';
import { chosenLocale, pageBack } from '$lib/domain/wire/language-form';
// Background Sync: the same outbox engine the page runs, triggered by the browser.
import '$lib/client/sync/sw-sync';

const sw = self as unknown as ServiceWorkerGlobalScope;

// What is kept, and in which round: src/lib/precache-plan.js (the build packs the first round
// into the precache bundle from the same rules).
// Static files and unit data carry a hash of their content (scripts/content-revisions.js), so an
// update fetches only what changed; prerendered pages name the new chunks, so they follow the version.
declare const __CONTENT_REVISIONS__: Record<string, string>;
const hashed = new Set(build);
const precacheEntries = precachePaths({ build, files, prerendered }).map((url) => ({
	url,
	// Hashed names are immutable. Among them the agency directory (≈ 8 KB brotli), so a dossier
	// started with no signal still names its competent agency and can wait in the outbox.
	revision: hashed.has(url) ? null : (__CONTENT_REVISIONS__[url] ?? version)
}));
// The PDF engine and its fonts come in a second round right after the install (see `later`): the
// page asks for them as soon as the worker is active (src/lib/client/sw-update.svelte.ts), and a
// PDF asked for offline before they arrived says so (src/lib/client/pdf/engine.ts).
const precache = new ParallelPrecacheController(later, bundlePath(version));
precache.precache(precacheEntries);
registerRoute(new PrecacheRoute(precache, { cleanURLs: false, directoryIndex: null }));
cleanupOutdatedCaches();
// The first install takes control of the open page at once, so it works offline without a
// reload; later versions wait for the person to accept the update.
clientsClaim();

// The update is offered to the person ("Đã có phiên bản mới"), never forced under them.
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
	// An open page that the first claim missed (its document arrived just after it).
	if (event.data?.type === 'CLAIM') event.waitUntil(sw.clients.claim());
	// The second precache round (see `later`); the page asks on every start, what is kept is skipped.
	if (event.data?.type === 'PRECACHE_LATER') event.waitUntil(precache.installLater());
});

// ---- Catalogue API answered from the precached catalogue (same code as the server) ----
let catalogueApi: Promise<ReturnType<typeof createCatalogueApi> | undefined> | undefined;
function localCatalogue() {
	catalogueApi ??= (async () => {
		const res = await precache.matchPrecache('/catalogue.json');
		if (!res) return undefined;
		const body = (await res.json().catch(() => null)) as { procedures?: unknown } | null;
		const procedures = Array.isArray(body?.procedures) ? body.procedures.map(readProcedure) : [];
		// A damaged copy is not answered from: the request goes to the network instead.
		if (!procedures.length || procedures.some((p) => !p)) return undefined;
		return createCatalogueApi(procedures as Procedure[]);
	})();
	return catalogueApi;
}
const jsonResponse = ({ status, body }: { status: number; body: unknown }) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'x-answered-by': 'service-worker' }
	});

// The catalogue ships with the app version, so the local copy is as fresh as the server's:
// answering locally costs no data and works with no signal.
registerRoute(
	({ url, request }) =>
		request.method === 'GET' && url.origin === sw.location.origin && /^\/api\/procedures(\/[^/]+)?\/?$/.test(url.pathname),
	async ({ url, request }) => {
		const api = await localCatalogue().catch(() => undefined);
		if (!api) return fetch(request);
		const code = url.pathname.split('/')[3];
		return jsonResponse(code ? api.get(decodeURIComponent(code)) : api.list(url.searchParams));
	}
);

// Old-address data: large, fetched the first time someone needs it, then kept.
registerRoute(({ url }) => url.pathname === '/units/legacy.json', new CacheFirst({ cacheName: 'units' }));

// Pages not precached (drafts, account…): from the network, and when there is none (or the
// line hangs) the offline shell, which renders them from data on the device. Pages are
// not cached: on a shared phone one person's page must never be shown to the next.
registerRoute(
	({ request }) => request.mode === 'navigate',
	async ({ request }) => {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), 8000);
		try {
			return await fetch(request, { signal: controller.signal });
		} catch {
			return (await precache.matchPrecache('/app-shell')) ?? Response.error();
		} finally {
			clearTimeout(timer);
		}
	}
);

// The header's language form tapped before the page's scripts ran (src/routes/language): online
// it goes to the server, which sets the cookie and sends the person back. With no signal the
// choice is kept where the browser lets a worker write cookies (the Cookie Store API), and the
// person goes back to the page (the offline shell renders it) instead of the browser's error page.
registerRoute(
	({ url, request }) => request.mode === 'navigate' && url.origin === sw.location.origin && url.pathname === '/language',
	async ({ request }) => {
		const copy = request.clone();
		try {
			return await fetch(request);
		} catch {
			const locale = chosenLocale(await copy.formData().catch(() => undefined));
			const store = (sw as unknown as { cookieStore?: { set(cookie: object): Promise<void> } }).cookieStore;
			await store?.set({ name: LANG_COOKIE, value: locale, path: '/', expires: Date.now() + LANG_COOKIE_MAX_AGE * 1000, sameSite: 'lax' }).catch(() => {});
			return Response.redirect(pageBack(request.referrer, (origin) => origin === sw.location.origin), 303);
		}
	},
	'POST'
);

setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate') return (await precache.matchPrecache('/app-shell')) ?? Response.error();
	return Response.error();
});

// ---- Web push: every push shows a notification (a silent one would cost the permission) ----
sw.addEventListener('push', (event) => {
	let message: { title?: string; body?: string; url?: string; dossierId?: string; tag?: string } = {};
	try {
		message = event.data?.json() ?? {};
	} catch {
		message = { body: event.data?.text() };
	}
	const url = typeof message.url === 'string' && message.url.startsWith('/') ? message.url : '/dossiers';
	event.waitUntil(
		(async () => {
			await sw.registration.showNotification(message.title || 'Dịch vụ công: hồ sơ có thay đổi', {
				body: message.body ?? '',
				tag: message.tag,
				data: { url },
				icon: '/icons/icon-192.png'
			});
			// An open page refreshes the dossier at once instead of waiting for a focus.
			for (const client of await sw.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'dossier-changed', dossierId: message.dossierId ?? null });
		})()
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL((event.notification.data?.url as string) ?? '/dossiers', sw.location.origin).href;
	event.waitUntil(
		(async () => {
			for (const client of await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
				if ('navigate' in client) {
					await (client as WindowClient).focus();
					await (client as WindowClient).navigate(url);
					return;
				}
			}
			await sw.clients.openWindow(url);
		})()
	);
});
