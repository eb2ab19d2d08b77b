/**
 * Names the browser chunk that holds the PDF engine (pdf-lib and the libraries only it uses)
 * `_app/immutable/chunks/pdf-engine.<hash>.js`, where SvelteKit names every chunk by its hash
 * alone. The service worker precaches everything else first and this chunk right after
 * (src/service-worker.ts): a phone is offline-ready without waiting for its ≈ 180 KB.
 * Also puts the framework (Svelte's runtime, SvelteKit's client) in one chunk of its own.
 */
/** The framework every page runs: one chunk (see outputOptions). */
const FRAMEWORK_PACKAGES = /[\\/]node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]/;
const PDF_ENGINE_PACKAGES = /[\\/]node_modules[\\/](pdf-lib|@pdf-lib[\\/][^\\/]+|pako)[\\/]/;

/** True for a chunk whose modules include the PDF engine's. */
export const holdsPdfEngine = (moduleIds) => moduleIds.some((id) => PDF_ENGINE_PACKAGES.test(id));

/** @returns {import('vite').Plugin} */
export function pdfEngineChunk() {
	return {
		name: 'dvc:pdf-engine-chunk',
		apply: 'build',
		outputOptions(options) {
			const pattern = options.chunkFileNames;
			// Only the browser build: SvelteKit's server chunks are named differently ('chunks/[name].js').
			if (typeof pattern !== 'string' || !pattern.includes('_app/immutable/chunks/[hash]')) return null;
			return {
				...options,
				chunkFileNames: (chunk) => (holdsPdfEngine(chunk.moduleIds) ? pattern.replace('[hash]', 'pdf-engine.[hash]') : pattern),
				// Svelte's runtime and SvelteKit's client in one file, not ≈ 12: every page needs them, and on
				// 2G each file is a request of its own (HTTP/1.1, six at a time, 400 ms each) before bytes flow.
				codeSplitting: { groups: [{ name: 'framework', test: FRAMEWORK_PACKAGES }] }
			};
		}
	};
}
