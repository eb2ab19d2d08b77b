import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readdirSync } from 'node:fs';

// Every procedure page is prerendered, so the service worker can precache it and the
// whole catalogue opens offline after one visit.
const procedurePages = readdirSync('data/procedures', { withFileTypes: true })
	.filter((f) => f.isFile() && /^\d\.\d{6}\.json$/.test(f.name))
	.map((f) => `/procedures/${f.name.replace(/\.json$/, '')}`);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let two builds (e.g. a test run and a developer's) not overwrite each other.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build', precompress: true }),
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
		prerender: { entries: ['*', ...procedurePages], handleHttpError: 'fail' }
	}
};

export default config;
