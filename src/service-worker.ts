/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';
import { cleanupOutdatedCaches, PrecacheRoute } from 'workbox-precaching';
import { ParallelPrecacheController } from '$lib/client/parallel-precache';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { createCatalogueApi } from '$lib/domain/catalogue-api';
import type { Procedure } from '$lib/domain/procedure';
import { readProcedure } from '$lib/domain/wire/catalogue-readers';
// Background Sync: the same outbox engine the page runs, triggered by the browser.
import '$lib/client/sync/sw-sync';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Files fetched only on demand (large, rarely needed): cached at first use instead.
const onDemand = new Set(['/units/legacy.json']);
// Not precached: the prerendered /api/procedures/<code> answers (the route below answers them
// from catalogue.json, byte for byte the same), the prerendered procedure pages (≈ 6.5 KB each,
// 98 KB for 15 and more with every new procedure; offline the app shell renders the same page
// from catalogue.json through that route), and the blank declarations (mau-to-khai.pdf, the
// link before the scripts start; offline the page builds them on the device).
const notPrecached = (url: string) =>
	onDemand.has(url) || url.startsWith('/api/procedures/') || /^\/procedures\/[^/]+$/.test(url) || url.endsWith('.pdf');
// Static files and unit data carry a hash of their content (scripts/content-revisions.js), so an
// update fetches only what changed; prerendered pages name the new chunks, so they follow the version.
declare const __CONTENT_REVISIONS__: Record<string, string>;
const revisioned = (url: string) => ({ url, revision: __CONTENT_REVISIONS__[url] ?? version });
// In order of need: the pages and the catalogue, the code, then the rest of the static files,
// the PDF fonts last (only a PDF needs them).
const isFont = (url: string) => url.startsWith('/fonts/');
const precacheEntries = [
	...prerendered.filter((url) => !notPrecached(url)).map(revisioned),
	// Hashed names: immutable. Among them the agency directory (≈ 8 KB brotli), so a dossier
	// started with no signal still names its competent agency and can wait in the outbox.
	...build.map((url) => ({ url, revision: null })),
	...files.filter((url) => !notPrecached(url) && !isFont(url)).map(revisioned),
	...files.filter((url) => !notPrecached(url) && isFont(url)).map(revisioned)
];
// Kept right after the install instead of during it: the PDF engine (its chunk is named by
// scripts/pdf-engine-chunk.js) and the fonts only a PDF uses, ≈ 230 KB of ≈ 520 KB. The phone
// is offline-ready without them; the page asks for them as soon as the worker is active
// (src/lib/client/sw-update.svelte.ts), and a PDF asked for offline before they arrived says
// so (src/lib/client/pdf/engine.ts).
const later = (path: string) => isFont(path) || /\/_app\/immutable\/chunks\/pdf-engine\.[^/]+\.js$/.test(path);
const precache = new ParallelPrecacheController(later);
precache.precache(precacheEntries);
registerRoute(new PrecacheRoute(precache, { cleanURLs: false, directoryIndex: null }));
cleanupOutdatedCaches();
// The first install takes control of the open page at once, so it works offline without a
// reload; later versions wait for the person to accept the update.
clientsClaim();

// The update is offered to the person ("Đã có phiên bản mới"), never forced under them.
sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
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
