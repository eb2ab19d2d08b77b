/**
 * Registers the service worker through workbox-window and exposes whether a new version
 * is waiting, so the layout can offer it ("Đã có phiên bản mới") instead of reloading
 * under someone who is typing.
 */
import { Workbox } from 'workbox-window';

export const swState = $state({ updateReady: false, controlled: false });
let wb: Workbox | undefined;

export function registerServiceWorker() {
	if (!('serviceWorker' in navigator) || wb) return;
	wb = new Workbox('/service-worker.js', { type: import.meta.env.DEV ? 'module' : 'classic' });
	wb.addEventListener('waiting', () => (swState.updateReady = true));
	wb.addEventListener('controlling', () => {
		swState.controlled = true;
	});
	swState.controlled = Boolean(navigator.serviceWorker.controller);
	void wb.register();
	void keepPdfEngine();
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

/** Called when the person accepts the update: activate the new worker, then reload once. */
export function applyUpdate() {
	if (!wb) return;
	wb.addEventListener('controlling', () => window.location.reload());
	wb.messageSkipWaiting();
}
