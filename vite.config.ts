import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentRevisions } from './scripts/content-revisions.js';
import { chunks } from './scripts/chunks.js';
import { holidaysForBrowser } from './scripts/holidays.js';

export default defineConfig({
	plugins: [holidaysForBrowser(), sveltekit(), chunks()],
	// Read by src/service-worker.ts (SvelteKit passes `define` to the service worker build).
	define: { __CONTENT_REVISIONS__: JSON.stringify(contentRevisions()) },
	// Chrome 98 is already the floor: the app and Svelte call structuredClone (98), Object.hasOwn (93)
	// and Array.prototype.at (92). Below ES2022 the bundler rewrote every class field and private
	// member of Svelte's and SvelteKit's runtime into helpers and WeakMaps: 1.7 KB gzip more for the form.
	build: { target: 'chrome98', sourcemap: process.env.BUILD_SOURCEMAP === '1' },
	// The file-preparing worker loads pdf-lib only when a PDF is picked: that needs ES module workers.
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/helpers/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Each file starts its own server/database; run files one after another
					// so two of them never fight over ports or the PostgreSQL cluster.
					fileParallelism: false
				}
			}
		]
	}
});
