// The first install of the service worker on a phone (issue 13): the install round comes in one
// request, the precache bundle (src/lib/precache-plan.js), instead of ≈ 200 requests of one round
// trip each; what every page loads is taken from the HTTP cache; a missing bundle still gives a
// working install, file by file.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { waitForServiceWorker } from './helpers/browser';

/** Paths the service worker requested, in order. */
function workerRequests(context: BrowserContext) {
	const paths: string[] = [];
	context.on('request', (request) => {
		if (request.serviceWorker()) paths.push(new URL(request.url()).pathname);
	});
	return paths;
}

/** The paths of the bundle's index, read with the page's own fetch. */
async function bundleIndex(page: Page, bundle: string): Promise<[string, string, number][]> {
	return page.evaluate(async (url) => {
		const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
		return JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10))));
	}, bundle);
}

/** Every precached path with its stored content type. */
function precached(page: Page): Promise<Record<string, string>> {
	return page.evaluate(async () => {
		const out: Record<string, string> = {};
		for (const name of await caches.keys()) {
			if (!name.includes('precache')) continue;
			const cache = await caches.open(name);
			for (const request of await cache.keys()) out[new URL(request.url).pathname] = (await cache.match(request))?.headers.get('content-type') ?? '';
		}
		return out;
	});
}

const isBundle = (path: string) => /^\/_app\/immutable\/precache-[^/]+\.bundle$/.test(path);
const isLater = (path: string) => path.startsWith('/fonts/') || path.includes('/chunks/pdf-engine.');
/** The worker's own script, fetched by the browser to start it. */
const isScript = (path: string) => path === '/service-worker.js';

test('a first visit keeps the whole app with one download, the scripts the page loaded from its cache', async ({ page, context }) => {
	const fromWorker = workerRequests(context);
	const fromPage: string[] = [];
	page.on('request', (request) => fromPage.push(new URL(request.url()).pathname));
	await page.goto('/');
	await waitForServiceWorker(page);

	const bundles = fromWorker.filter(isBundle);
	expect(bundles).toHaveLength(1);
	// Besides the bundle and the second round (the PDF engine and fonts), the worker asked only
	// for files the page itself had loaded: answered from the HTTP cache, not the line.
	const others = fromWorker.filter((p) => !isBundle(p) && !isLater(p) && !isScript(p));
	expect(others.filter((p) => !fromPage.includes(p))).toEqual([]);
	expect(others.length).toBeLessThan(30);

	// Every file of the bundle is kept under its own address, with its own type.
	const index = await bundleIndex(page, bundles[0]);
	expect(index.length).toBeGreaterThan(100);
	const kept = await precached(page);
	for (const [path, type] of index) expect(kept[path], path).toBe(type);
	expect(kept['/catalogue.json']).toBe('application/json');
	expect(Object.entries(kept).find(([p]) => p.startsWith('/_app/immutable/nodes/'))?.[1]).toBe('text/javascript');

	// And the app works with no signal from what was kept: another page, rendered offline.
	await context.setOffline(true);
	await page.goto('/procedures?q=khai+sinh');
	const first = page.locator('ol.results li').first().getByRole('link');
	await expect(first).toHaveText('Thủ tục đăng ký khai sinh');
	await first.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thủ tục đăng ký khai sinh');
});

test('without the bundle (an older server, a failed download) the install still keeps everything, file by file', async ({ page, context }) => {
	await context.route(isBundleUrl, (route) => route.fulfill({ status: 404, body: '' }));
	const fromWorker = workerRequests(context);
	await page.goto('/');
	await waitForServiceWorker(page);
	expect(fromWorker.filter(isBundle).length).toBeGreaterThan(0);
	const kept = await precached(page);
	// The same files as with the bundle: the pages, the catalogue and the code.
	expect(kept['/app-shell']).toMatch(/^text\/html/);
	expect(kept['/catalogue.json']).toMatch(/^application\/json/);
	expect(fromWorker.filter((p) => !isBundle(p) && !isLater(p) && !isScript(p)).length).toBeGreaterThan(100);
	await context.setOffline(true);
	await page.goto('/procedures?q=ket+hon');
	await expect(page.locator('ol.results li').first().getByRole('link')).toHaveText('Thủ tục đăng ký kết hôn');
});

function isBundleUrl(url: URL) {
	return isBundle(url.pathname);
}

// A page whose document the worker's claim missed: a navigation that left before the first
// worker activated and arrived after its claim, or a reload that bypassed the worker (the same
// state, made on purpose here). Uncontrolled, the tab would have no offline answers and no
// outbox in the worker until a full reload: the page asks the worker to claim it again.
test('a page the worker did not control at load is taken under its control without a reload', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	// Whether each document started under the worker, read before any of the app's scripts ran.
	await page.addInitScript(() => {
		(window as unknown as { controlledAtStart: boolean }).controlledAtStart = Boolean(navigator.serviceWorker.controller);
	});
	const cdp = await context.newCDPSession(page);
	// A reload that ignores caches bypasses the service worker for that navigation.
	const reloaded = page.waitForEvent('load');
	await cdp.send('Page.reload', { ignoreCache: true });
	await reloaded;
	expect(await page.evaluate(() => (window as unknown as { controlledAtStart: boolean }).controlledAtStart)).toBe(false);
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
	await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 10_000 });
	// Controlled without another navigation: the same document.
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	await context.setOffline(true);
	await expect.poll(() => page.evaluate(() => fetch('/catalogue.json').then((r) => r.ok, () => false))).toBe(true);
});
