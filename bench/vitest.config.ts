/**
 * Benchmarks run apart from the test projects (no SvelteKit plugin needed: they import
 * pure domain code). Run: npx vitest bench --run --config bench/vitest.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	root,
	resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib', import.meta.url)) } },
	test: { benchmark: { include: ['bench/**/*.bench.ts'] } }
});
