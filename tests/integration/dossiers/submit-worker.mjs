// A separate server process for the concurrency test: loads the real submission service
// through Vite (aliases, JSON data, TypeScript) and submits `count` dossiers.
//   node submit-worker.mjs '{"target":…,"accountId":"…","count":250,"now":"…"}'
// Prints one JSON line: { codes: string[], ms: number }.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const job = JSON.parse(process.argv[2]);
const root = resolve(import.meta.dirname, '../../..');
const vite = await createServer({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom' });
try {
	const { openDatabase } = await vite.ssrLoadModule('/src/lib/server/db/index.ts');
	const { submitDossier } = await vite.ssrLoadModule('/src/lib/server/dossiers/submit.ts');
	const { manifest } = await vite.ssrLoadModule('/tests/integration/dossiers/fixtures.ts');
	const { db, close } = openDatabase({ database: job.target });
	// The per-day submission limits are not what this test is about: set them out of reach.
	const submissions = { perAccountPerDay: 1e6, perAddressPerAgencyPerDay: 1e6 };
	const deps = { db, config: { upload: { maxFileBytes: 10 << 20, maxDossierBytes: 30 << 20 }, submissions }, now: () => new Date(job.now) };
	const body = manifest();
	// Both processes wait for the same start time so their submissions really overlap.
	await new Promise((r) => setTimeout(r, Math.max(0, job.startAt - Date.now())));
	const started = performance.now();
	const inFlight = job.concurrency ?? 4;
	const codes = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: inFlight }, async () => {
			while (next < job.count) {
				next++;
				const { receipt } = await submitDossier(deps, job.accountId, randomUUID(), body);
				codes.push(receipt.code);
			}
		})
	);
	const ms = performance.now() - started;
	await close();
	console.log(JSON.stringify({ codes, ms }));
} finally {
	await vite.close();
}
