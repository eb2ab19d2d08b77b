/**
 * Registers the service worker and exposes whether a new version is waiting, so the layout can
 * offer it ("Đã có phiên bản mới") instead of reloading under someone who is typing.
 *
 * The browser's own API, not workbox-window: this module is in every page's first JavaScript,
 * and of workbox-window's events the app used two (a version waiting, the page controlled),
 * which cost ≈ 1.9 KB gzip of the ≈ 2.2 KB this module was.
 */

export const swState = $state({ updateReady: false });
let started = false;

export function registerServiceWorker() {
	if (!('serviceWorker' in navigator) || started) return;
	started = true;
	// After the load event, as workbox-window did: the worker's first downloads never compete
	// with the page's own on a slow line.
	const register = () =>
		void navigator.serviceWorker
			.register('/service-worker.js', { type: import.meta.env.DEV ? 'module' : 'classic' })
			.then(offerWaiting, () => {});
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
	void keepPdfEngine();
}

/**
 * A worker that finishes installing while another one is active waits (the service worker
 * skips waiting only when asked): that is a new version, offered to the person. The first
 * install activates at once and is no update.
 */
function offerWaiting(registration: ServiceWorkerRegistration) {
	const watch = (worker: ServiceWorker | null) => {
		const check = () => {
			if (worker?.state === 'installed' && registration.active && registration.waiting === worker) swState.updateReady = true;
		};
		check();
		worker?.addEventListener('statechange', check);
	};
	// Already waiting, or found while the page loaded (the browser checks on navigation).
	watch(registration.waiting);
	watch(registration.installing);
	registration.addEventListener('updatefound', () => watch(registration.installing));
}

/**
 * Asks the active worker for its second precache round (the PDF engine and fonts, see
 * src/service-worker.ts) on every start: the first time right after the install, later only
 * if something is missing (an update changed it, or the link dropped before it was kept).
 */
async function keepPdfEngine() {
	const registration = await navigator.serviceWorker.ready;
	// A page whose navigation left before the first worker activated and arrived after its
	// claim stays uncontrolled (no offline, no outbox) until the next full load: ask again.
	if (!navigator.serviceWorker.controller) registration.active?.postMessage({ type: 'CLAIM' });
	registration.active?.postMessage({ type: 'PRECACHE_LATER' });
}

/** Called when the person accepts the update: activate the waiting worker, then reload once. */
export async function applyUpdate() {
	const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
	// Another tab activated it already: this page only needs to load the new version.
	if (!waiting) return location.reload();
	navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
	waiting.postMessage({ type: 'SKIP_WAITING' });
}
