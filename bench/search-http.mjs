// Catalogue search over HTTP (issue 12: the review measured ≈ 3,000 req/s): GET
// /api/procedures?q=… against the built server (`npm start`'s scripts/start.js, compression and
// security headers included), CONCURRENCY clients each sending its next request as soon as the
// last answer is read, for DURATION seconds after a warm-up, as an anonymous visitor (the
// catalogue page's own calls). Prints requests/s, median and p95 latency, bytes per answer and
// the machine's load average before and after.
//
//   npm run build
//   flock /tmp/dvc-heavy.lock node bench/search-http.mjs   # BENCH_CONCURRENCY (10), BENCH_SECONDS (10), BUILD_DIR
//
// The search runs in memory over the catalogue loaded at start (src/lib/domain/catalogue-api.ts)
// and an anonymous request opens no session, so the database is not touched: SQLite and
// PostgreSQL give the same figure and only SQLite runs. Loopback only; the loop is bounded.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const PORT = Number(process.env.BENCH_PORT ?? 4730);

/** What people type on the catalogue page (folded and accented), with and without filters. */
const QUERIES = [
	'q=khai+sinh',
	'q=kết+hôn',
	'q=tam+tru',
	'q=đăng+ký+thường+trú',
	'q=chứng+thực+bản+sao',
	'q=giay+phep+xay+dung',
	'q=ho+kinh+doanh',
	'q=trích+lục',
	'q=khai+tu',
	'q=cấp+lại',
	'q=xac+nhan+tinh+trang+hon+nhan',
	''
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer() {
	const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-search-'));
	const origin = `http://127.0.0.1:${PORT}`;
	const env = { ...process.env, BUILD_DIR, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, APP_ENV: 'development' };
	delete env.DATABASE_URL;
	const child = spawn(process.execPath, ['scripts/start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (d) => (output = (output + d).slice(-20_000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
		if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) break;
		if (i === 300) throw new Error(`server did not start:\n${output}`);
		await sleep(100);
	}
	return {
		origin,
		async stop() {
			child.kill('SIGTERM');
			await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** CONCURRENCY loops until `until`; returns latencies (ms), answer sizes and failures. */
async function load(origin, until) {
	const latencies = [];
	let bytes = 0;
	let failures = 0;
	let next = 0;
	const client = async () => {
		while (performance.now() < until) {
			const query = QUERIES[next++ % QUERIES.length];
			const started = performance.now();
			// As a phone asks: compressed answers accepted.
			const answer = await fetch(`${origin}/api/procedures?${query}`, { headers: { 'accept-encoding': 'gzip, br' } }).catch(() => null);
			const body = answer ? await answer.arrayBuffer() : null;
			latencies.push(performance.now() - started);
			if (!answer || answer.status !== 200) failures++;
			else bytes += Number(answer.headers.get('content-length') ?? body.byteLength);
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, client));
	return { latencies, bytes, failures };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const loadBefore = loadavg()[0];
const server = await startServer();
try {
	await load(server.origin, performance.now() + WARMUP_SECONDS * 1000);
	const started = performance.now();
	const { latencies, bytes, failures } = await load(server.origin, started + SECONDS * 1000);
	const elapsed = (performance.now() - started) / 1000;
	const sorted = latencies.sort((a, b) => a - b);
	const report = {
		when: new Date().toISOString(),
		node: process.version,
		cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? '?'}`,
		loadBefore: loadBefore.toFixed(2),
		loadAfter: loadavg()[0].toFixed(2),
		concurrency: CONCURRENCY,
		requests: latencies.length,
		failures,
		requestsPerSecond: Math.round(latencies.length / elapsed),
		medianMs: percentile(sorted, 50).toFixed(1),
		p95Ms: percentile(sorted, 95).toFixed(1),
		bytesPerAnswer: Math.round(bytes / Math.max(1, latencies.length - failures))
	};
	console.log(JSON.stringify(report, null, 2));
	if (failures) process.exitCode = 1;
} finally {
	await server.stop();
}
