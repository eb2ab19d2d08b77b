/**
 * Workbox's precache, downloading a few files at a time instead of one after another, in two
 * rounds. Workbox fetches its list strictly in series (workbox issue 2528), which on a 400 ms
 * round trip made the first install ≈ 130 round trips long: ≈ 60 s before a phone was
 * offline-ready, of which the bytes themselves need ≈ 15 s. A few requests in flight keep the
 * link busy; the list is fetched in its given order, so put what is needed first first.
 *
 * The install round fetches everything except the entries `later` names (the PDF engine and its
 * fonts, ≈ 230 KB of the ≈ 520 KB): the worker is installed, and the phone offline-ready, once
 * the pages, the catalogue and the code are kept. `installLater` fetches the rest right after,
 * when the page asks for it (a message event keeps the worker alive while it runs); entries of
 * both rounds stay in one list, so activation never deletes a later file, and a request for
 * one that has not arrived yet goes to the network as before.
 *
 * On a phone that has none of the install round yet (the first visit), the round comes in one
 * request instead: the precache bundle the build packs from the same list (src/lib/precache-plan.js),
 * ≈ 285 KB brotli instead of ≈ 365 KB in ≈ 200 requests of one round trip each. What the bundle
 * lacks or could not bring (an old build, a cut line) is fetched file by file as before; an update
 * that changes a few files fetches only those.
 */
import { PrecacheController } from 'workbox-precaching';
import { unpackBundle } from '$lib/precache-plan.js';

/**
 * Downloads in flight at once: Chromium opens at most 6 connections to one HTTP/1.1 host, and
 * with ≈ 190 files of ≈ 2.5 KB the 400 ms round trip, not the bytes, sets the pace (4 in flight:
 * 34 s; 6: see bench/README.md). The page has finished its own loading by the time it runs.
 */
export const PRECACHE_PARALLEL = 6;

/** The bundle is fetched when at least this share of the install round is missing. */
const BUNDLE_WHEN_MISSING = 0.5;

/** The bundle's headers that describe the bundle itself, not each file in it. */
const OWN_HEADERS = ['content-encoding', 'content-length', 'content-type', 'etag', 'last-modified', 'cache-control', 'vary', 'accept-ranges', 'date', 'age', 'expires'];

type Entry = [url: string, cacheKey: string];

export class ParallelPrecacheController extends PrecacheController {
	/**
	 * @param later entries of the second round (see installLater)
	 * @param bundle the URL of this version's precache bundle, if the build made one
	 */
	constructor(
		private readonly later: (url: string) => boolean = () => false,
		private readonly bundle?: string
	) {
		super();
	}

	private entries(later: boolean): Entry[] {
		return [...this.getURLsToCacheKeys()].filter(([url]) => this.later(new URL(url).pathname) === later);
	}

	/** Fetches `queue` with `PRECACHE_PARALLEL` requests in flight, each through `fetchOne`. */
	private static drain(queue: Entry[], fetchOne: (entry: Entry) => Promise<unknown>) {
		const worker = async () => {
			for (let next = queue.shift(); next; next = queue.shift()) await fetchOne(next);
		};
		return Promise.all(Array.from({ length: PRECACHE_PARALLEL }, worker));
	}

	private request(url: string, cacheKey: string) {
		// As Workbox: a revisioned entry (its cache key carries the revision) bypasses the HTTP
		// cache; a hashed file may come from it (the page has often just loaded it).
		return new Request(url, {
			integrity: this.getIntegrityForCacheKey(cacheKey),
			cache: cacheKey === url ? 'default' : 'reload',
			credentials: 'same-origin'
		});
	}

	override install(event: ExtendableEvent) {
		const done = (async () => {
			const round = this.entries(false);
			const cache = await caches.open(this.strategy.cacheName);
			const missing: Entry[] = [];
			for (const entry of round) if (!(await cache.match(entry[1]))) missing.push(entry);
			if (this.bundle && missing.length > 0 && missing.length >= round.length * BUNDLE_WHEN_MISSING) await this.unbundle(cache, missing).catch(() => undefined);
			// What the bundle brought is found in the cache and not fetched again.
			await ParallelPrecacheController.drain(missing, ([url, cacheKey]) =>
				Promise.all(this.strategy.handleAll({ params: { cacheKey }, request: this.request(url, cacheKey), event }))
			);
			return { updatedURLs: [], notUpdatedURLs: [] };
		})();
		event.waitUntil(done);
		return done;
	}

	/** Fetches the precache bundle and keeps each `missing` entry it holds under its cache key. */
	private async unbundle(cache: Cache, missing: Entry[]) {
		const response = await fetch(this.bundle!, { credentials: 'same-origin' });
		if (!response.ok || response.redirected) return;
		const files = unpackBundle(new Uint8Array(await response.arrayBuffer()));
		if (!files) return;
		// Each file answers with the headers the server gives every file (nosniff, frame and
		// referrer policies…), and its own type.
		const shared = new Headers(response.headers);
		for (const name of OWN_HEADERS) shared.delete(name);
		const wanted = new Map(missing.map(([url, cacheKey]) => [new URL(url).pathname, cacheKey]));
		await Promise.all(
			files.map(({ path, contentType, body }) => {
				const cacheKey = wanted.get(path);
				if (!cacheKey) return;
				const headers = new Headers(shared);
				headers.set('content-type', contentType);
				return cache.put(cacheKey, new Response(body.slice(), { headers }));
			})
		);
	}

	/**
	 * The second round: every `later` entry not kept yet, fetched and stored under its cache key.
	 * Safe to call on every start (what is kept is only looked up) and twice at once (a file is
	 * then fetched twice, never stored wrong).
	 */
	async installLater(): Promise<void> {
		const cache = await caches.open(this.strategy.cacheName);
		const missing: Entry[] = [];
		for (const entry of this.entries(true)) if (!(await cache.match(entry[1]))) missing.push(entry);
		await ParallelPrecacheController.drain(missing, async ([url, cacheKey]) => {
			const response = await fetch(this.request(url, cacheKey)).catch(() => undefined);
			// Offline or a failed answer: tried again at the next start.
			if (!response?.ok || response.redirected) return;
			await cache.put(cacheKey, response);
		});
	}
}
