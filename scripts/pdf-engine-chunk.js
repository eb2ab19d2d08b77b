/**
 * Names the browser chunk that holds the PDF engine (pdf-lib and the libraries only it uses)
 * `_app/immutable/chunks/pdf-engine.<hash>.js`, where SvelteKit names every chunk by its hash
 * alone. The service worker precaches everything else first and this chunk right after
 * (src/service-worker.ts): a phone is offline-ready without waiting for its ≈ 180 KB.
 */
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
				chunkFileNames: (chunk) => (holdsPdfEngine(chunk.moduleIds) ? pattern.replace('[hash]', 'pdf-engine.[hash]') : pattern)
			};
		}
	};
}
