// `npm start`: runs the built server on its embedded defaults (SQLite file and local
// folders under DATA_DIR) and prints where to open it. Configuration: README.md.
import { mkdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const buildDir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/index.js`)) {
	console.error('Chưa có bản build. Chạy: npm run build  (No build yet: run npm run build first.)');
	process.exit(1);
}
process.env.DATA_DIR ??= resolve('data-dir');
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// adapter-node assumes https when ORIGIN is unset, which would make SvelteKit's CSRF check
// refuse every form posted to a plain-http local server. Behind a proxy, set ORIGIN.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// adapter-node stops large bodies by default; uploads go through tus in chunks.
process.env.BODY_SIZE_LIMIT ??= '2M';
mkdirSync(process.env.DATA_DIR, { recursive: true });

await import(resolve(buildDir, 'index.js'));
console.log(`\n  Ứng dụng đang chạy / App running:  http://localhost:${process.env.PORT}\n  Dữ liệu / data: ${process.env.DATA_DIR}\n`);
