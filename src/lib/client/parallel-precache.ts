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
 */
import { PrecacheController } from 'workbox-precaching';

/**
 * Downloads in flight at once: Chromium opens at most 6 connections to one HTTP/1.1 host, and
 * with ≈ 190 files of ≈ 2.5 KB the 400 ms round trip, not the bytes, sets the pace (4 in flight:
 * 34 s; 6: see bench/README.md). The page has finished its own loading by the time it runs.
 */
export const PRECACHE_PARALLEL = 6;

type Entry = [url: string, cacheKey: string];

export class ParallelPrecacheController extends PrecacheController {
	constructor(private readonly later: (url: string) => boolean = () => false) {
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
		const done = ParallelPrecacheController.drain(this.entries(false), ([url, cacheKey]) =>
			Promise.all(this.strategy.handleAll({ params: { cacheKey }, request: this.request(url, cacheKey), event }))
		).then(() => ({ updatedURLs: [], notUpdatedURLs: [] }));
		event.waitUntil(done);
		return done;
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
