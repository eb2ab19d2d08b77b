import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Every procedure page is prerendered, so the service worker can precache it and the
// whole catalogue opens offline after one visit.
const procedurePages = readdirSync('data/procedures', { withFileTypes: true })
	.filter((f) => f.isFile() && /^\d\.\d{6}\.json$/.test(f.name))
	.map((f) => `/procedures/${f.name.replace(/\.json$/, '')}`);

const out = process.env.BUILD_DIR ?? 'build';
const node = adapter({ out, precompress: true });
// adapter-node precompresses html/js/json/css/svg/xml/wasm only; the prepared PDF fonts (129 KB
// raw, ≈ 54 KB compressed) are text-like too. sirv serves any file's .br/.gz beside it.
/** @type {import('@sveltejs/kit').Adapter} */
const adapterWithFonts = {
	...node,
	async adapt(builder) {
		await node.adapt(builder);
		const dir = join(out, 'client', 'fonts');
		for (const name of readdirSync(dir).filter((n) => n.endsWith('.pdffont'))) {
			const bytes = readFileSync(join(dir, name));
			writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
			writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
		}
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let two builds (e.g. a test run and a developer's) not overwrite each other.
		adapter: adapterWithFonts,
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// The service worker is registered by workbox-window (src/lib/client/sw-update.ts)
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
		prerender: { entries: ['*', ...procedurePages], handleHttpError: 'fail' }
	}
};

export default config;
