import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundlePath, later, packBundle, precachePaths } from './src/lib/precache-plan.js';
import { formLinkHints } from './scripts/link-hints.js';

// Every procedure page is prerendered, so the service worker can precache it and the
// whole catalogue opens offline after one visit.
const procedurePages = readdirSync('data/procedures', { withFileTypes: true })
	.filter((f) => f.isFile() && /^\d\.\d{6}\.json$/.test(f.name))
	.map((f) => `/procedures/${f.name.replace(/\.json$/, '')}`);

const out = process.env.BUILD_DIR ?? 'build';
const node = adapter({ out, precompress: true });
// adapter-node precompresses html/js/json/css/svg/xml/wasm only; the prepared PDF fonts (129 KB
// raw, ≈ 54 KB compressed) are text-like too. sirv serves any file's .br/.gz beside it.
/** Writes `path` with its brotli (level 11) and gzip (level 9) copies beside it, as sirv serves them. */
function writePrecompressed(path, bytes, window = 22) {
	writeFileSync(path, bytes);
	writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: window } }));
	writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}

/** Files below `dir` as URL paths below `prefix`, without the precompressed copies. */
const walk = (dir, prefix) =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? walk(join(dir, e.name), `${prefix}/${e.name}`) : /\.(br|gz)$/.test(e.name) ? [] : [`${prefix}/${e.name}`]
	);

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain' };

/**
 * The precache bundle (src/lib/precache-plan.js): the service worker's first round in one file,
 * built from the same lists SvelteKit gives the worker (the client build's files, static/, the
 * prerendered paths) and the same rules. Its index says each file's type, as sirv would.
 * Left out: the code every page loads (the app's entry, the root layout and what they import, ≈
 * 19 files: those all prerendered pages name). Whatever page a phone first opened, it holds them
 * in its HTTP cache, where the worker takes them from at no cost (≈ 39 KB less to download).
 * @param {import('@sveltejs/kit').Builder} builder
 */
function writePrecacheBundle(builder) {
	const client = join(out, 'client');
	const { pages, assets } = builder.prerendered;
	const named = [...pages.values()].map(({ file }) => new Set(readFileSync(join(out, 'prerendered', file), 'utf8').match(/\/_app\/immutable\/[^"'\s)]+/g)));
	// Scripts only: the pages inline their stylesheets, so no first visit fetched those.
	const everyPageLoads = (path) => path.endsWith('.js') && named.length > 0 && named.every((set) => set.has(path));
	const paths = precachePaths({
		build: walk(join(client, '_app', 'immutable'), '/_app/immutable'),
		files: walk(builder.config.kit.files.assets, ''),
		prerendered: builder.prerendered.paths
	}).filter((path) => !later(path) && !everyPageLoads(path));
	const entries = paths.map((path) => {
		const page = pages.get(path);
		const file = page ? join(out, 'prerendered', page.file) : assets.has(path) ? join(out, 'prerendered', path) : join(client, path);
		const type = page ? 'text/html; charset=utf-8' : (assets.get(path)?.type ?? TYPES[extname(path)] ?? 'application/octet-stream');
		return { path, contentType: type, body: readFileSync(file) };
	});
	// A 16 MB window (24): the files repeat one another across the whole bundle.
	writePrecompressed(join(client, bundlePath(builder.config.kit.version.name)), packBundle(entries), 24);
}

/** @type {import('@sveltejs/kit').Adapter} */
const adapterWithFonts = {
	...node,
	async adapt(builder) {
		await node.adapt(builder);
		const dir = join(out, 'client', 'fonts');
		for (const name of readdirSync(dir).filter((n) => n.endsWith('.pdffont'))) writePrecompressed(join(dir, name), readFileSync(join(dir, name)));
		// Endpoints the prerendered pages fetched (`/api/procedures/{code}`) are prerendered as
		// files named like the path (no known extension: "1.001193"), which adapter-node neither
		// precompresses nor types. Their types, as SvelteKit recorded them, go to a file
		// `npm start` reads (scripts/prerendered-types.js).
		const untyped = [...builder.prerendered.assets].filter(([path]) => path.startsWith('/api/'));
		for (const [path] of untyped) writePrecompressed(join(out, 'prerendered', path), readFileSync(join(out, 'prerendered', path)));
		writeFileSync(join(out, 'prerendered-types.json'), JSON.stringify(Object.fromEntries(untyped.map(([path, { type }]) => [path, type]))));
		writePrecacheBundle(builder);
		// The draft page's files, named in the answer to a link to a form (scripts/link-hints.js).
		const kitOut = join(builder.getServerDirectory(), '..');
		writeFileSync(join(out, 'link-hints.json'), JSON.stringify({ form: formLinkHints(kitOut, join(kitOut, '..', 'generated', 'client-optimized')) }));
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let two builds (e.g. a test run and a developer's) not overwrite each other.
		adapter: adapterWithFonts,
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// The service worker is registered by src/lib/client/sw-update.svelte.ts
		// so that an update is offered to the user instead of applied under them.
		serviceWorker: { register: false },
		// The CSRF origin check on form posts is ours (src/lib/server/http/origin-check.ts): a
		// Vietnamese page instead of a bare English 403, and both loopback names in development.
		csrf: { trustedOrigins: ['*'] },
		alias: { $data: 'data' },
		// Absolute asset paths (/_app/…): the service worker answers any offline navigation,
		// e.g. a reload of /drafts/<id>, with the prerendered /app-shell page, whose relative
		// paths (./_app/…) would otherwise resolve under /drafts/ and miss the precache.
		paths: { relative: false },
		// Every stylesheet is a few KB at most: inlined in the page, first paint needs the HTML
		// alone instead of waiting on CSS that competes with a dozen module preloads on 2G
		// (≈ 2 s → ≈ 0.8 s first paint in bench/throttled.mjs).
		inlineStyleThreshold: 5000,
		// The page's Content-Security-Policy (issue 12, defect 9). 'auto': a server-rendered page
		// gets a fresh nonce in its header, a prerendered one (the procedure pages, /app-shell
		// that the service worker answers offline navigations with) a <meta> with the hash of its
		// one inline script. No 'unsafe-inline' and no 'unsafe-eval' for scripts (zod's JIT is off
		// in the browser: src/hooks.client.ts). Every answer also carries the base policy of
		// scripts/security-headers.js (frame-ancestors cannot be set from a <meta>).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Styles cannot run code; 'unsafe-inline' keeps the style attribute of app.html's
				// wrapper and any future style={…} working. With it SvelteKit adds no style hashes.
				'style-src': ['self', 'unsafe-inline'],
				// Previews of a photo or scan on the device are blob: URLs; a few icons are data: URLs.
				'img-src': ['self', 'blob:', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// The attachment worker (src/lib/client/attachments/prepare.ts) and the service worker.
				'worker-src': ['self'],
				// No page frames anything today; an attachment of our own (served with its sandbox CSP) may be.
				'frame-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['self']
			}
		},
		prerender: { entries: ['*', ...procedurePages], handleHttpError: 'fail' }
	}
};

export default config;
