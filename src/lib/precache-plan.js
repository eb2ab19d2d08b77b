// What the service worker keeps on the phone, and in which round. Plain JavaScript because two
// sides read it: the worker (src/service-worker.ts) and the build (svelte.config.js), which packs
// the first round into one file (the precache bundle) for a phone's first install.

/** Fetched only on demand (large, rarely needed): cached at first use instead. */
export const onDemand = new Set(['/units/legacy.json']);

/**
 * Not precached: the prerendered /api/procedures/<code> answers (the worker answers them from
 * catalogue.json, byte for byte the same), the prerendered procedure pages (≈ 6.5 KB each and
 * one more with every procedure; offline the app shell renders the same page from
 * catalogue.json), and the blank declarations (mau-to-khai.pdf, the link before the scripts
 * start; offline the page builds them on the device).
 * @param {string} path
 */
export const notPrecached = (path) =>
	onDemand.has(path) || path.startsWith('/api/procedures/') || /^\/procedures\/[^/]+$/.test(path) || path.endsWith('.pdf');

/** @param {string} path */
export const isFont = (path) => path.startsWith('/fonts/');

/**
 * Kept right after the install instead of during it: the PDF engine (its chunk is named by
 * scripts/chunks.js) and the fonts only a PDF uses, ≈ 215 KB. The phone is
 * offline-ready without them; the page asks for them as soon as the worker is active.
 * @param {string} path
 */
export const later = (path) => isFont(path) || /\/_app\/immutable\/chunks\/pdf-engine\.[^/]+\.js$/.test(path);

/**
 * Every path the worker precaches, in order of need: the pages and the catalogue, the code, the
 * rest of the static files, the PDF fonts last. `build`, `files` and `prerendered` are
 * SvelteKit's lists ($service-worker).
 * @param {{ build: string[]; files: string[]; prerendered: string[] }} lists
 */
export function precachePaths({ build, files, prerendered }) {
	const kept = files.filter((path) => !notPrecached(path));
	return [
		...prerendered.filter((path) => !notPrecached(path)),
		...build,
		...kept.filter((path) => !isFont(path)),
		...kept.filter(isFont)
	];
}

/**
 * The precache bundle: the first-round files of one app version in one file, fetched in one
 * request (brotli over the whole, ≈ 250 KB instead of ≈ 330 KB in ≈ 190 requests) when the phone
 * has none of them yet. Layout: one line of JSON, `[[path, contentType, byteLength], …]`, then
 * the files' bytes one after another in that order.
 * @param {string} version SvelteKit's app version
 */
export const bundlePath = (version) => `/_app/immutable/precache-${version}.bundle`;

/**
 * @param {{ path: string; contentType: string; body: Uint8Array }[]} files
 * @returns {Uint8Array}
 */
export function packBundle(files) {
	const index = new TextEncoder().encode(`${JSON.stringify(files.map((f) => [f.path, f.contentType, f.body.length]))}\n`);
	const out = new Uint8Array(files.reduce((sum, f) => sum + f.body.length, index.length));
	out.set(index);
	let offset = index.length;
	for (const { body } of files) out.set(body, (offset += body.length) - body.length);
	return out;
}

/** @param {unknown} value @returns {value is [string, string, number][]} */
const isBundleIndex = (value) =>
	Array.isArray(value) &&
	value.every((e) => Array.isArray(e) && e.length === 3 && typeof e[0] === 'string' && typeof e[1] === 'string' && Number.isSafeInteger(e[2]) && e[2] >= 0);

/**
 * The files of a bundle, or undefined if the bytes are not one whole bundle (a cut download).
 * @param {Uint8Array} bytes
 * @returns {{ path: string; contentType: string; body: Uint8Array }[] | undefined}
 */
export function unpackBundle(bytes) {
	const newline = bytes.indexOf(10);
	if (newline < 0) return undefined;
	let index;
	try {
		index = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline)));
	} catch {
		return undefined;
	}
	if (!isBundleIndex(index)) return undefined;
	let offset = newline + 1;
	if (index.reduce((sum, e) => sum + e[2], offset) !== bytes.length) return undefined;
	return index.map(([path, contentType, length]) => ({ path, contentType, body: bytes.subarray(offset, (offset += length)) }));
}
