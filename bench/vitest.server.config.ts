/**
 * Server benchmarks that need a real database on both dialects: the integration project's
 * PostgreSQL (a throwaway cluster, tests/integration/helpers/global-setup.ts) and SQLite.
 * They print figures and assert nothing about time. Run (under the heavy lock):
 *   npx vitest run --config bench/vitest.server.config.ts
 */
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['bench/**/*.run.ts'],
		environment: 'node',
		globalSetup: ['tests/integration/helpers/global-setup.ts'],
		testTimeout: 600_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
