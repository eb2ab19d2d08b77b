// What a phone that opens a link to a form (`/procedures/{code}/apply`, from an SMS or a QR
// code) will need next, named in the page's first answer (issue 13). The apply page creates a
// draft on the device and moves to `/drafts/{id}`: without hints the browser learns of the draft
// page's own file and the form's styles only once the apply page's code has run, two round trips
// after everything else (≈ 1 s on 2G). SvelteKit names the apply page's modules in a `Link`
// header; this adds the draft page's. The build computes them (svelte.config.js,
// `link-hints.json`); `npm start` adds them (scripts/start.js).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeWriteHead } from './before-write-head.js';
import { applyLinkProcedure } from '../src/lib/apply-link.js';

/**
 * The `Link` header value naming the draft page's files that the root layout does not load.
 * @param {string} kitOut SvelteKit's output folder (`.svelte-kit/output`)
 * @param {string} generated SvelteKit's generated client folder (`.svelte-kit/generated/client-optimized`)
 */
export function formLinkHints(kitOut, generated) {
	const manifest = JSON.parse(readFileSync(join(kitOut, 'client', '.vite', 'manifest.json'), 'utf8'));
	const nodeOf = (route) => {
		const name = readdirSync(generated + '/nodes').find((n) => readFileSync(join(generated, 'nodes', n), 'utf8').includes(`src/routes/${route}`));
		if (!name) throw new Error(`link hints: no page node for src/routes/${route}`);
		return Object.keys(manifest).find((key) => key.endsWith(`client-optimized/nodes/${name}`));
	};
	/** Every file a manifest entry loads with it: its own, its static imports', their styles. */
	const closure = (key, found = { scripts: new Set(), styles: new Set() }) => {
		const entry = manifest[key];
		if (!entry || found.scripts.has(entry.file)) return found;
		found.scripts.add(entry.file);
		for (const css of entry.css ?? []) found.styles.add(css);
		for (const imported of entry.imports ?? []) closure(imported, found);
		return found;
	};
	const layout = closure(nodeOf('+layout.svelte'));
	const draft = closure(nodeOf('drafts/[id]/+page'));
	const links = [
		...[...draft.scripts].filter((f) => !layout.scripts.has(f)).map((f) => `</${f}>; rel="modulepreload"; nopush`),
		...[...draft.styles].filter((f) => !layout.styles.has(f)).map((f) => `</${f}>; rel="preload"; as="style"; nopush`)
	];
	return links.join(', ');
}

/**
 * Adds `hint` to the `Link` header of the answers to form links.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void} handler
 * @param {string | undefined} hint
 */
export function withFormLinkHints(handler, hint) {
	if (!hint) return handler;
	return (req, res, next) => {
		if (req.method === 'GET' && applyLinkProcedure((req.url ?? '/').split('?', 1)[0]))
			beforeWriteHead(res, (status, headers) => {
				if (status !== 200) return;
				const own = headers && Object.keys(headers).find((name) => name.toLowerCase() === 'link');
				if (own) headers[own] = `${headers[own]}, ${hint}`;
				else {
					const link = res.getHeader('link');
					res.setHeader('link', link ? `${link}, ${hint}` : hint);
				}
			});
		return handler(req, res, next);
	};
}
