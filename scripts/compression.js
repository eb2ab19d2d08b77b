// Compression of what the server renders at request time (pages, API JSON), for `npm start`.
// Built files are precompressed at build time (adapter-node's `precompress`, sirv serves the
// .br/.gz next to them) and pass through untouched; this covers the rest, e.g. /procedures
// 26.7 KB → ≈ 4 KB on a 2G link. Brotli at quality 5 (fast enough per request, close to gzip -9
// on small pages), gzip for browsers without brotli. A small node:zlib wrapper around the
// handler instead of a dependency: it only needs to decide per response and stream through.
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|problem\+json)|image\/svg\+xml)/i;
/** Below this, compressing costs more (headers, CPU) than it saves. */
const MIN_BYTES = 1024;

/** `br`, `gzip` or null, from an Accept-Encoding header (q=0 refuses an encoding). */
export function pickEncoding(header = '') {
	const accepted = new Map();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) : 1);
	}
	const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
	return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/**
 * Wraps a Node request handler so that its compressible answers go out compressed when the
 * browser accepts it. Answers already encoded, too small, with `no-transform`, HEAD, 204 and
 * 304 go out as they are.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void} handler
 */
export function withCompression(handler) {
	return (req, res) => {
		const encoding = req.method === 'HEAD' ? null : pickEncoding(String(req.headers['accept-encoding'] ?? ''));
		if (!encoding) return handler(req, res);

		const write = res.write.bind(res);
		const end = res.end.bind(res);
		const writeHead = res.writeHead.bind(res);
		/** @type {import('node:zlib').BrotliCompress | import('node:zlib').Gzip | undefined} */
		let stream;
		let decided = false;

		const decide = () => {
			if (decided) return;
			decided = true;
			const type = String(res.getHeader('content-type') ?? '');
			if (!COMPRESSIBLE.test(type)) return;
			const vary = String(res.getHeader('vary') ?? '');
			// sirv (built files) names Accept-Encoding itself: once is enough.
			if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) res.setHeader('vary', [vary, 'Accept-Encoding'].filter(Boolean).join(', '));
			const length = Number(res.getHeader('content-length') ?? NaN);
			if (
				res.statusCode < 200 ||
				res.statusCode === 204 ||
				res.statusCode === 304 ||
				res.getHeader('content-encoding') ||
				length < MIN_BYTES ||
				/no-transform/i.test(String(res.getHeader('cache-control') ?? ''))
			)
				return;
			res.setHeader('content-encoding', encoding);
			res.removeHeader('content-length');
			stream =
				encoding === 'br'
					? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, ...(length > 0 ? { [constants.BROTLI_PARAM_SIZE_HINT]: length } : {}) } })
					: createGzip({ level: 6 });
			stream.on('data', (chunk) => {
				if (!write(chunk)) stream?.pause();
			});
			res.on('drain', () => stream?.resume());
			stream.on('end', () => end());
		};

		res.writeHead = (status, ...rest) => {
			const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
			if (Array.isArray(headers)) {
				decided = true; // raw header lists are passed through as they are
				return writeHead(status, ...rest);
			}
			res.statusCode = status;
			if (typeof rest[0] === 'string') res.statusMessage = rest[0];
			for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
			decide();
			return writeHead(res.statusCode);
		};
		res.write = (chunk, ...rest) => {
			decide();
			if (!stream) return write(chunk, ...rest);
			const done = typeof rest.at(-1) === 'function' ? rest.at(-1) : undefined;
			stream.write(chunk, typeof rest[0] === 'string' ? rest[0] : undefined);
			// Streamed pages (SvelteKit sends awaited data later) must not wait in the compressor.
			stream.flush(() => done?.());
			return true;
		};
		res.end = (chunk, ...rest) => {
			if (typeof chunk === 'function') return res.end(undefined, chunk);
			decide();
			if (!stream) return end(chunk, ...rest);
			const done = typeof rest.at(-1) === 'function' ? rest.at(-1) : undefined;
			if (done) res.once('finish', done);
			if (chunk !== undefined && chunk !== null) stream.end(chunk, typeof rest[0] === 'string' ? rest[0] : undefined);
			else stream.end();
			return res;
		};
		return handler(req, res);
	};
}
