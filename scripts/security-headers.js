// Protective headers on every answer of `npm start` (issue 12, defect 9). Prerendered pages,
// /_app files, catalogue.json and units are served by adapter-node's static handler, which no
// SvelteKit hook sees: the headers are added here, around the whole handler. An answer that
// sets a header itself keeps its value (writeHead wins over setHeader): a SvelteKit page's
// CSP with its nonces (kit.csp in svelte.config.js), an attachment's sandbox
// (src/lib/server/http/attachment-response.ts).

/** Two years, as HSTS preload lists ask. */
const HSTS_SECONDS = 63_072_000;

/**
 * @param {{ https: boolean }} options `https`: the public origin (ORIGIN) is https, so browsers
 *   may be told to never use plain http for it again.
 * @returns {Record<string, string>}
 */
export function securityHeaders({ https }) {
	return {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		// SAMEORIGIN, not DENY: the officer's pages show a dossier's files in a frame of our own.
		'x-frame-options': 'SAMEORIGIN',
		// Only what no script relies on: pages get their full policy from kit.csp.
		'content-security-policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=()',
		'cross-origin-opener-policy': 'same-origin',
		...(https ? { 'strict-transport-security': `max-age=${HSTS_SECONDS}; includeSubDomains` } : {})
	};
}

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void} handler
 * @param {{ https: boolean }} options
 */
export function withSecurityHeaders(handler, options) {
	const headers = Object.entries(securityHeaders(options));
	return (req, res, next) => {
		for (const [name, value] of headers) res.setHeader(name, value);
		return handler(req, res, next);
	};
}
