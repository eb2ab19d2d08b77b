// The content type of prerendered answers whose path has no extension. SvelteKit prerenders the
// endpoints a prerendered page fetches: each procedure page's `/api/procedures/{code}` is a
// file in build/prerendered. adapter-node's static handler types files by extension, so these
// went out with an empty Content-Type, which also kept them out of compression (18.7 KB of
// JSON where ≈ 4 KB brotli would do, on the first form opened from a link). The build
// (svelte.config.js) writes their types, recorded by SvelteKit while prerendering, to
// `prerendered-types.json` and precompresses the files; this puts the type back.
import { beforeWriteHead } from './before-write-head.js';

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void} handler
 * @param {Record<string, string>} types URL path → content type
 */
export function withPrerenderedTypes(handler, types) {
	return (req, res, next) => {
		const type = types[(req.url ?? '/').split('?', 1)[0]];
		if (type)
			beforeWriteHead(res, (_status, headers) => {
				if (!headers) return;
				for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type' && !headers[name]) delete headers[name];
				if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = type;
			});
		return handler(req, res, next);
	};
}
