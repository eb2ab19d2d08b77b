// `npm start`: runs the built server on its embedded defaults (SQLite file and local
// folders under DATA_DIR) and prints the one address to open. Configuration: README.md.
// The HTTP server is ours (adapter-node's documented custom-server way: its `handler.js`
// under `http.createServer`), so that exactly one address is printed.
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { withCompression } from './compression.js';
import { withSecurityHeaders } from './security-headers.js';
import { withPrerenderedTypes } from './prerendered-types.js';
import { withFormLinkHints } from './link-hints.js';

const buildDir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/handler.js`)) {
	console.error('Chưa có bản build. Chạy: npm run build  (No build yet: run npm run build first.)');
	process.exit(1);
}
process.env.DATA_DIR ??= resolve('data-dir');
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https when ORIGIN is unset, which would make the CSRF check refuse
// every form posted to a plain-http local server. Behind a proxy, set ORIGIN.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// adapter-node's body limit must let one tus piece of a whole file through (tus-js-client
// sends the whole file in one PATCH by default); every other request is held to a smaller
// limit by the server hook (src/lib/server/http/body-limit.ts).
process.env.BODY_SIZE_LIMIT ??= String(Number(process.env.UPLOAD_MAX_FILE_BYTES || 10 * 1024 * 1024) + 64 * 1024);
mkdirSync(process.env.DATA_DIR, { recursive: true });

const { handler } = await import(resolve(buildDir, 'handler.js'));
// Pages and API answers compressed here (scripts/compression.js); built files are precompressed.
// Protective headers on every answer, built files included (scripts/security-headers.js).
// Prerendered answers without an extension get their type back (scripts/prerendered-types.js).
const typesFile = resolve(buildDir, 'prerendered-types.json');
const types = existsSync(typesFile) ? JSON.parse(readFileSync(typesFile, 'utf8')) : {};
// A link to a form names the draft page's files too (scripts/link-hints.js).
const hintsFile = resolve(buildDir, 'link-hints.json');
const hints = existsSync(hintsFile) ? JSON.parse(readFileSync(hintsFile, 'utf8')) : {};
const server = createServer(
	withCompression(withSecurityHeaders(withFormLinkHints(withPrerenderedTypes(handler, types), hints.form), { https: process.env.ORIGIN.startsWith('https:') }))
);
server.listen(Number(process.env.PORT), process.env.HOST, () => {
	console.log(`\n  Ứng dụng đang chạy / App running:  ${process.env.ORIGIN}\n  Dữ liệu / data: ${process.env.DATA_DIR}\n`);
});

// Finish the requests in flight, then stop (as adapter-node's own server does).
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 10_000).unref();
	});
}
