// Server submission benchmark (issue 5): PUT /api/dossiers/{id} per second on SQLite and on
// PostgreSQL, with median and p95 latency, idempotent replays per second, and the bytes a
// client sends for a dossier with two attachments and for a second dossier reusing them.
//
//   BUILD_DIR=build-bench KIT_OUT_DIR=.svelte-kit-bench npx vite build
//   BUILD_DIR=build-bench BENCH_PG=cluster node bench/submit.mjs
//
// Environment: BUILD_DIR (default build-bench), BENCH_N (300), BENCH_CONCURRENCY (8),
// BENCH_PG_URL (an existing PostgreSQL database to use) or BENCH_PG=cluster (start a
// throwaway cluster with scripts/pg-cluster.sh and stop it afterwards); without either,
// only SQLite runs. Loopback only; every loop is bounded.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateSync } from 'node:zlib';

const BUILD_DIR = process.env.BUILD_DIR ?? 'build-bench';
const N = Number(process.env.BENCH_N ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARMUP = 16;
const CHUNK = 256 * 1024; // as src/lib/client/outbox/uploader.ts
const randomPort = () => 4500 + Math.floor(Math.random() * 500);

// ---- server ----

async function startServer(databaseUrl) {
	const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
	const port = randomPort();
	const origin = `http://127.0.0.1:${port}`;
	// ORIGIN as a deployment sets it: without it adapter-node assumes https and the CSRF
	// check refuses the sign-in form.
	// One demo citizen sends every dossier: the per-day submission limits are lifted for the run.
	const env = { ...process.env, BUILD_DIR, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, APP_ENV: 'development', SUBMISSIONS_PER_ACCOUNT_PER_DAY: '1000000', SUBMISSIONS_PER_ADDRESS_PER_DAY: '1000000' };
	if (databaseUrl) env.DATABASE_URL = databaseUrl;
	else delete env.DATABASE_URL;
	const child = spawn(process.execPath, ['scripts/start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (d) => (output = (output + d).slice(-20_000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
		const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
		if (ok && /mật khẩu:/.test(output)) break;
		if (i === 299) throw new Error(`server did not start:\n${output}`);
		await sleep(100);
	}
	// The citizen line printed by seedDevelopment (src/lib/server/seed.ts).
	const line = output.split('\n').find((l) => l.includes('Công dân'));
	const m = line && /CCCD (\d{12}).*mật khẩu: (\S+)/.exec(line);
	if (!m) throw new Error(`no demo citizen in the server output:\n${output}`);
	return {
		origin,
		citizen: { identifier: m[1], password: m[2] },
		async stop() {
			child.kill('SIGTERM');
			await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Signs in as the browser does: a form POST to /signin with a same-origin Origin header. */
async function signIn(origin, { identifier, password }) {
	const res = await fetch(`${origin}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ identifier, password })
	});
	const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('session='));
	if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
	return cookie;
}

// ---- client with a byte counter ----

function client(origin, cookie) {
	const sent = { bodyBytes: 0, requests: 0 };
	async function call(method, path, { body, headers = {} } = {}) {
		const payload = body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
		sent.requests++;
		sent.bodyBytes += payload === undefined ? 0 : typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
		const res = await fetch(`${origin}${path}`, {
			method,
			headers: { origin, cookie, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
			body: payload
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, json: text ? safeJson(text) : null };
	}
	return { call, sent };
}

const safeJson = (t) => {
	try {
		return JSON.parse(t);
	} catch {
		return t;
	}
};

// ---- manifest (procedure 1.004194, đăng ký tạm trú, as tests/integration/dossiers/fixtures.ts) ----

function manifest(files = []) {
	const attached = files.map((f) => ({ sha256: f.sha256, name: f.name, size: f.bytes.byteLength, type: 'image/png' }));
	return {
		version: 1,
		procedureCode: '1.004194',
		answers: {
			declarantName: 'Nguyễn Văn Dân',
			declarantBirthDate: '15/05/1990',
			declarantSex: 'nam',
			declarantIdNumber: '001090012345',
			declarantPhone: '0912000001',
			tempAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' },
			tempMonths: '12',
			tempReason: 'di-lam',
			pledged: true,
			...(attached.length ? { residenceProofFile: attached } : {})
		},
		attachments: attached.map((a) => ({ slot: 'residenceProofFile', ...a })),
		delivery: { method: 'online' },
		agencyCode: 'C01.11.30.H26', // Công an xã Sóc Sơn (data/agencies.json)
		submittedAt: new Date().toISOString()
	};
}

// ---- a PNG of random (incompressible) pixels, about `bytes` long ----

function png(bytes, name) {
	const width = 512;
	const height = Math.max(1, Math.round(bytes / (width * 3 + 1)));
	const raw = new Uint8Array(height * (width * 3 + 1));
	for (let i = 0; i < raw.length; i += 65536) crypto.getRandomValues(raw.subarray(i, Math.min(raw.length, i + 65536)));
	for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0; // filter byte: none
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	const data = Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 0 })),
		chunk('IEND', Buffer.alloc(0))
	]);
	return { name, bytes: new Uint8Array(data), sha256: createHash('sha256').update(data).digest('hex') };
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

let crcTable;
function crc32(buf) {
	crcTable ??= Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	let c = 0xffffffff;
	for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

// ---- tus 1.0 upload, 256 KiB chunks like the app ----

async function upload(api, file) {
	const b64 = (s) => Buffer.from(s).toString('base64');
	const created = await api.call('POST', '/api/uploads', {
		headers: {
			'tus-resumable': '1.0.0',
			'upload-length': String(file.bytes.byteLength),
			'upload-metadata': `sha256 ${b64(file.sha256)},filename ${b64(file.name)},filetype ${b64('image/png')}`
		}
	});
	const location = created.headers.get('location');
	if (created.status !== 201 || !location) throw new Error(`tus create: ${created.status} ${JSON.stringify(created.json)}`);
	const path = new URL(location, 'http://x').pathname;
	for (let offset = 0; offset < file.bytes.byteLength; offset += CHUNK) {
		const res = await api.call('PATCH', path, {
			body: file.bytes.subarray(offset, offset + CHUNK),
			headers: { 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }
		});
		if (res.status !== 204) throw new Error(`tus PATCH at ${offset}: ${res.status} ${JSON.stringify(res.json)}`);
	}
}

/** What the outbox engine does for one dossier: ask which files the server holds, upload the rest, PUT. */
async function sendDossier(api, files) {
	const check = await api.call('POST', '/api/blobs/check', { body: { hashes: files.map((f) => f.sha256) } });
	if (check.status !== 200) throw new Error(`blobs/check: ${check.status}`);
	for (const f of files) if (!check.json.present.includes(f.sha256)) await upload(api, f);
	const put = await api.call('PUT', `/api/dossiers/${randomUUID()}`, { body: manifest(files) });
	if (put.status !== 201) throw new Error(`PUT: ${put.status} ${JSON.stringify(put.json)}`);
}

// ---- measurement ----

async function pool(items, concurrency, work) {
	const results = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < items.length) {
				const i = next++;
				results[i] = await work(items[i]);
			}
		})
	);
	return results;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function timedPuts(api, ids, body, expected) {
	const start = performance.now();
	const results = await pool(ids, CONCURRENCY, async (id) => {
		const t = performance.now();
		const res = await api.call('PUT', `/api/dossiers/${id}`, { body: typeof body === 'function' ? body() : body });
		return { id, ms: performance.now() - t, status: res.status, code: res.json?.code };
	});
	const seconds = (performance.now() - start) / 1000;
	const ms = results.map((r) => r.ms).sort((a, b) => a - b);
	const failures = results.filter((r) => r.status !== expected);
	return { results, perSecond: ids.length / seconds, median: quantile(ms, 0.5), p95: quantile(ms, 0.95), failures };
}

async function runOn(label, databaseUrl) {
	const server = await startServer(databaseUrl);
	try {
		const cookie = await signIn(server.origin, server.citizen);
		const api = client(server.origin, cookie);
		// Warm-up: first requests load the catalogue, migrate and JIT; not counted.
		await timedPuts(api, Array.from({ length: WARMUP }, randomUUID), manifest, 201);

		const ids = Array.from({ length: N }, randomUUID);
		const fresh = await timedPuts(api, ids, manifest, 201);
		const codes = new Map(fresh.results.map((r) => [r.id, r.code]));
		const distinct = new Set(codes.values()).size;
		// Replays: same ids, same content (a new submittedAt, as a retry pressed later) → 200, same code.
		const replay = await timedPuts(api, ids, manifest, 200);
		const sameCodes = replay.results.every((r) => r.code === codes.get(r.id));

		const wire = await bytesOnTheWire(server.origin, server.citizen);
		return { label, fresh, replay, distinct, sameCodes, wire };
	} finally {
		await server.stop();
	}
}

async function bytesOnTheWire(origin, citizen) {
	const files = [png(600 * 1024, 'hop-dong-thue-nha-1.png'), png(1200 * 1024, 'hop-dong-thue-nha-2.png')];
	const attachmentBytes = files.reduce((s, f) => s + f.bytes.byteLength, 0);
	const first = client(origin, await signIn(origin, citizen));
	await sendDossier(first, files);
	const again = client(origin, await signIn(origin, citizen));
	await sendDossier(again, files);
	const manifestBytes = Buffer.byteLength(JSON.stringify(manifest(files)));
	return { attachmentBytes, manifestBytes, first: first.sent, again: again.sent };
}

// ---- PostgreSQL ----

function startCluster() {
	const dir = mkdtempSync(join(tmpdir(), 'dvc-bench-pg-'));
	const port = String(randomPort());
	const url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir, port], { encoding: 'utf8' }).trim().split('\n').pop();
	return { url, stop: () => (execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]), rmSync(dir, { recursive: true, force: true })) };
}

// ---- report ----

const f1 = (n) => n.toFixed(1);
function report(r) {
	const { fresh, replay, wire } = r;
	console.log(`\n${r.label}`);
	console.log(`  new dossiers:  ${f1(fresh.perSecond)} /s, median ${f1(fresh.median)} ms, p95 ${f1(fresh.p95)} ms, failures ${fresh.failures.length}, distinct codes ${r.distinct}/${N}`);
	console.log(`  replays (200): ${f1(replay.perSecond)} /s, median ${f1(replay.median)} ms, p95 ${f1(replay.p95)} ms, failures ${replay.failures.length}, same codes ${r.sameCodes}`);
	console.log(`  bytes on the wire, two attachments (${wire.attachmentBytes} B) + manifest (${wire.manifestBytes} B):`);
	console.log(`    first dossier:  ${wire.first.bodyBytes} B of request bodies in ${wire.first.requests} requests (${(wire.first.bodyBytes / wire.attachmentBytes).toFixed(4)} × attachments)`);
	console.log(`    same files in a new dossier: ${wire.again.bodyBytes} B in ${wire.again.requests} requests`);
	for (const f of [...fresh.failures, ...replay.failures].slice(0, 5)) console.log(`    failure: ${f.status} ${f.id}`);
}

const machine = () => `nproc ${availableParallelism()}, ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

console.log(`${new Date().toISOString()}  Node ${process.version}  ${machine()}`);
console.log(`N = ${N} new dossiers, concurrency ${CONCURRENCY}, build ${resolve(BUILD_DIR)}`);
const runs = [await runOn('SQLite (better-sqlite3, default)', undefined)];
report(runs[0]);
let cluster;
try {
	if (process.env.BENCH_PG_URL) runs.push(await runOn('PostgreSQL (BENCH_PG_URL)', process.env.BENCH_PG_URL));
	else if (process.env.BENCH_PG === 'cluster') {
		cluster = startCluster();
		runs.push(await runOn('PostgreSQL 15 (throwaway cluster, fsync off)', cluster.url));
	}
} finally {
	cluster?.stop();
}
if (runs[1]) report(runs[1]);
console.log(`\nafter: ${machine()}`);
const bad = runs.some((r) => r.fresh.failures.length || r.replay.failures.length || r.distinct !== N || !r.sameCodes);
process.exit(bad ? 1 : 0);
