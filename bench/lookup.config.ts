/**
 * The lookup-over-HTTP benchmark (it needs `npm run build`) runs with the app's Vite config (SvelteKit aliases) and the
 * integration tests' throwaway PostgreSQL cluster:
 *   npx vitest run --config bench/lookup.config.ts
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vite.config';

export default mergeConfig(
	{ ...base, test: {} },
	defineConfig({
		test: {
			include: ['bench/lookup.bench-run.ts'],
			environment: 'node',
			globalSetup: ['tests/integration/helpers/global-setup.ts'],
			testTimeout: 900_000,
			hookTimeout: 120_000
		}
	})
);
