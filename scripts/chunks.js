/**
 * How the browser's JavaScript is cut into files. On 2G over HTTP/1.1 each file is a request of
 * its own (six at a time, 400 ms round trip each) before its bytes flow, and files compressed
 * one by one lose what they share: a page's code in few files is both fewer round trips and
 * fewer bytes (bench/README.md). Three rules, in order:
 *
 * - The PDF engine (pdf-lib and what only it uses) is `_app/immutable/chunks/pdf-engine.<hash>.js`,
 *   where SvelteKit names every chunk by its hash alone. The service worker precaches everything
 *   else first and this chunk right after (src/service-worker.ts): a phone is offline-ready
 *   without waiting for its ≈ 180 KB.
 * - What every page runs is one file, `base`: Svelte's runtime, SvelteKit's client, and the code
 *   the root layout, the root error page and the app's start import (SvelteKit loads the layout
 *   and the error page on every page). Framework code that only later pages import is theirs.
 * - What the form needs and the first visit does not is one file, `form`: the form's pages
 *   (`/procedures/{code}/apply`, `/drafts/{id}`) and the code only they, or they and pages past
 *   the first visit, import. From a link in an SMS the form is then two rounds of requests, and
 *   the apply page has the draft page's code by the time it moves there. Code the first visit's
 *   pages (home, the catalogue, a procedure) import stays out of it, so the first visit does not
 *   pay for the form.
 *
 * A module's place follows from which route files (`src/routes/…/+page`, `+layout`, `+error`)
 * reach it through static imports; a module only imported dynamically (the submit panel, the PDF
 * building) keeps a file of its own, loaded when it is needed.
 */
const FRAMEWORK_PACKAGES = /[\\/]node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/;
const PDF_ENGINE_PACKAGES = /[\\/]node_modules[\\/](pdf-lib|@pdf-lib[\\/][^\\/]+|pako)[\\/]/;

/** Where every page's code starts: the root layout and error page, the app's start. */
const EVERY_PAGE = /[\\/]src[\\/]routes[\\/]\+(layout|error)\.(svelte|ts)$|[\\/]\.svelte-kit[\\/]generated[\\/](root\.svelte|client(-optimized)?[\\/]app\.js)$|[\\/]src[\\/]hooks\.client\.ts$/;
/** The form's route files. */
const FORM_PAGES = /[\\/]src[\\/]routes[\\/](procedures[\\/]\[code\][\\/]apply|drafts[\\/]\[id\])[\\/]\+page\.(svelte|ts)$/;
/** The first visit's route files: home, the catalogue, a procedure. */
const FIRST_VISIT_PAGES = /[\\/]src[\\/]routes[\\/](procedures[\\/](\[code\][\\/])?)?\+page\.(svelte|ts)$/;
const ROUTE_FILE = /[\\/]src[\\/]routes[\\/](.*[\\/])?\+(page|layout|error)\.(svelte|ts)$/;

/** True for a chunk whose modules include the PDF engine's. */
export const holdsPdfEngine = (moduleIds) => moduleIds.some((id) => PDF_ENGINE_PACKAGES.test(id));

/**
 * The group (`base`, `form`) a module goes to, or null to leave it to the bundler.
 * @param {string} id
 * @param {(id: string) => { importers: string[], isEntry: boolean } | null} info the bundler's module graph
 */
export function groupOf(id, info) {
	// An entry (the app's start, each page's node) keeps its own file: SvelteKit loads it by name.
	if (PDF_ENGINE_PACKAGES.test(id) || info(id)?.isEntry) return null;
	const routes = routesReaching(id, info);
	// The framework stays together in base, except what only pages past the first visit and the
	// form import (SvelteKit's `$app/forms`, for the sign-in pages): those pages load it.
	if (FRAMEWORK_PACKAGES.test(id)) return routes.length === 0 || routes.some((r) => EVERY_PAGE.test(r) || FIRST_VISIT_PAGES.test(r) || FORM_PAGES.test(r)) ? 'base' : null;
	if (routes.length === 0) return null; // only imported dynamically
	if (routes.some((r) => EVERY_PAGE.test(r))) return 'base';
	const first = routes.some((r) => FIRST_VISIT_PAGES.test(r));
	const form = routes.some((r) => FORM_PAGES.test(r));
	// What both need is in base: the first visit loads it anyway, and the form does not wait for
	// the first visit's own pages to get it.
	if (form) return first ? 'base' : 'form';
	return null;
}

/**
 * The groups in the bundler's terms. A group takes the modules it is given and what they import;
 * what two groups would take goes to the one of higher priority, so the form's file takes no code
 * the first visit loaded.
 * @param {(id: string, ctx: { getModuleInfo(id: string): any }) => string | null} groupOfId
 */
export function codeSplittingGroups(groupOfId) {
	return ['base', 'form'].map((name, i, all) => ({
		name: (/** @type {string} */ id, /** @type {any} */ ctx) => (groupOfId(id, ctx) === name ? name : null),
		priority: all.length - i
	}));
}

/** The route files (and the app's start) from which static imports lead to `id`. */
function routesReaching(id, info) {
	const routes = [];
	const seen = new Set([id]);
	const queue = [id];
	while (queue.length) {
		const m = /** @type {string} */ (queue.pop());
		if (ROUTE_FILE.test(m) || EVERY_PAGE.test(m)) {
			routes.push(m); // where a page starts: what imports it is SvelteKit's
			continue;
		}
		for (const importer of info(m)?.importers ?? []) if (!seen.has(importer)) seen.add(importer), queue.push(importer);
	}
	return routes;
}

/** @returns {import('vite').Plugin} */
export function chunks() {
	return {
		name: 'dvc:chunks',
		apply: 'build',
		outputOptions(options) {
			const pattern = options.chunkFileNames;
			// Only the browser build: SvelteKit's server chunks are named differently ('chunks/[name].js').
			if (typeof pattern !== 'string' || !pattern.includes('_app/immutable/chunks/[hash]')) return null;
			// Each group's name function asks for every module: place each once per build.
			/** @type {Map<string, string | null>} */
			const placed = new Map();
			const place = (/** @type {string} */ id, /** @type {any} */ ctx) => {
				if (!placed.has(id)) placed.set(id, groupOf(id, (m) => ctx.getModuleInfo(m)));
				return /** @type {string | null} */ (placed.get(id));
			};
			return {
				...options,
				chunkFileNames: (chunk) => (holdsPdfEngine(chunk.moduleIds) ? pattern.replace('[hash]', 'pdf-engine.[hash]') : pattern),
				codeSplitting: { groups: codeSplittingGroups(place) }
			};
		}
	};
}
