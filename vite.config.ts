import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentRevisions } from './scripts/content-revisions.js';
import { chunks } from './scripts/chunks.js';

export default defineConfig({
	plugins: [sveltekit(), chunks()],
	// Read by src/service-worker.ts (SvelteKit passes `define` to the service worker build).
	define: { __CONTENT_REVISIONS__: JSON.stringify(contentRevisions()) },
	build: { target: 'es2020', sourcemap: process.env.BUILD_SOURCEMAP === '1' },
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
