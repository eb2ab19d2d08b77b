// The phone of issue 13, in real Chromium: 400 kbit/s down and up, 400 ms round trip, CPU 4×
// slower, applied through the DevTools protocol to every page AND to the service worker
// (whose precache downloads would otherwise run at full speed). Prints each goal beside its
// physical floor (the bytes it needs at line rate plus the round trips it cannot avoid) and
// beside a script-free copy of the same page served by plain node:http in the same run.
//
//   npm run build && node bench/throttled.mjs          (or: npm run bench -- throttled)
//
// Environment: BUILD_DIR (build), BENCH_DEBUG (1: list every file the worker fetched), BENCH_RUNS (3, medians are printed), BENCH_ONLY (a comma list
// of offline,paint,form,sizes), CHROMIUM_PATH (/usr/bin/chromium). Loopback only; it starts
// the built server on a free port with a throwaway DATA_DIR and stops everything at the end.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as netServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

// Node 20 has WebSocket (used for the worker's DevTools connection) behind a flag.
if (typeof WebSocket === 'undefined') {
	const { status } = spawnSync(process.execPath, ['--experimental-websocket', '--no-warnings', ...process.argv.slice(1)], { stdio: 'inherit' });
	process.exit(status ?? 1);
}

export const PROFILE = { kbitPerSecond: 400, rttMs: 400, cpuSlowdown: 4 };
const BYTES_PER_SECOND = (PROFILE.kbitPerSecond * 1000) / 8;
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'offline,paint,form,form-signed-in,sizes').split(','));
const PROCEDURE = '1.001193'; // birth registration: the largest form
const FORM_HEADING = 'Người yêu cầu'; // the form's first step

const freePort = () =>
	new Promise((resolve) => {
		const s = netServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
/** Time to move `bytes` at line rate plus `rounds` round trips: no page can beat it on this link. */
const floorMs = (bytes, rounds) => rounds * PROFILE.rttMs + (bytes / BYTES_PER_SECOND) * 1000;

// ---------------------------------------------------------------- servers

async function startApp() {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'dvc-bench-'));
	const child = spawn('node', ['scripts/start.js'], {
		env: { ...process.env, BUILD_DIR, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_ENV: 'development', ORIGIN: `http://localhost:${port}` },
		stdio: 'ignore'
	});
	const base = `http://localhost:${port}`;
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) break;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { base, stop: () => (child.kill(), rmSync(dataDir, { recursive: true, force: true })) };
}

const decode = (body, encoding) => (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body);
const encode = (body, encoding) => (encoding === 'br' ? brotliCompressSync(body) : encoding === 'gzip' ? gzipSync(body, { level: 9 }) : body);

/** A page of one line, no CSS and no script: what this browser and profile need to paint anything at all. */
const ONE_LINE_PAGE = '/__one-line-page';

/**
 * The script-free copy: a plain node:http proxy in front of the app that removes every
 * <script> and module preload from HTML pages (re-encoded as the app encoded them), so the
 * same markup and CSS arrive by the same link with nothing to download or run before paint.
 */
async function startScriptFreeCopy(appBase) {
	const port = await freePort();
	const target = new URL(appBase);
	const server = createServer((req, res) => {
		if (req.url === ONE_LINE_PAGE) {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			return void res.end('<!doctype html><html lang="vi"><meta charset="utf-8"><title>DVC</title><p>Dịch vụ công trực tuyến</p>');
		}
		const headers = { ...req.headers, host: target.host };
		delete headers['service-worker'];
		const up = httpRequest({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers }, (answer) => {
			const type = String(answer.headers['content-type'] ?? '');
			if (!type.includes('text/html')) {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
				return;
			}
			const chunks = [];
			answer.on('data', (c) => chunks.push(c));
			answer.on('end', () => {
				const encoding = answer.headers['content-encoding'];
				const html = decode(Buffer.concat(chunks), encoding)
					.toString('utf8')
					.replace(/<script\b[\s\S]*?<\/script>/gi, '')
					.replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
				const body = encode(Buffer.from(html), encoding);
				const out = { ...answer.headers, 'content-length': String(body.length) };
				delete out['transfer-encoding'];
				res.writeHead(answer.statusCode ?? 200, out);
				res.end(body);
			});
		});
		up.on('error', () => (res.writeHead(502), res.end()));
		req.pipe(up);
	});
	await new Promise((r) => server.listen(port, '127.0.0.1', r));
	return { base: `http://localhost:${port}`, stop: () => server.close() };
}

// ---------------------------------------------------------------- throttling

const networkConditions = { offline: false, latency: PROFILE.rttMs, downloadThroughput: BYTES_PER_SECOND, uploadThroughput: BYTES_PER_SECOND };

/** Wire bytes seen by one DevTools session, by request. */
function byteCounter() {
	const urls = new Map();
	const done = [];
	return {
		response: (p) => urls.set(p.requestId, p.response.url),
		finished: (p) => done.push({ url: urls.get(p.requestId) ?? '?', bytes: p.encodedDataLength, at: Date.now() }),
		done
	};
}

/** Throttles a page (network and CPU) and counts its wire bytes. */
async function throttlePage(context, page) {
	const cdp = await context.newCDPSession(page);
	const counter = byteCounter();
	cdp.on('Network.responseReceived', counter.response);
	cdp.on('Network.loadingFinished', counter.finished);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', networkConditions);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
	return counter;
}

/**
 * Throttles every service worker the browser starts, before its first line runs. Playwright's
 * own sessions cannot reach worker targets, so a second DevTools connection (the browser's
 * debugging port) auto-attaches to service-worker targets paused on start, sets the same
 * network conditions (and CPU slowdown where the worker target accepts it), then lets them run.
 */
async function throttleServiceWorkers(debuggingPort) {
	const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${debuggingPort}/json/version`)).json();
	const ws = new WebSocket(webSocketDebuggerUrl);
	await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
	const workers = new Map(); // sessionId -> { counter, cpu, network }
	const pending = new Map();
	let nextId = 1;
	const send = (method, params = {}, sessionId) =>
		new Promise((resolve) => {
			const id = nextId++;
			pending.set(id, resolve);
			ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		});
	ws.onmessage = async ({ data }) => {
		const m = JSON.parse(data);
		if (m.id) {
			pending.get(m.id)?.(m);
			pending.delete(m.id);
			return;
		}
		const w = workers.get(m.sessionId);
		if (m.method === 'Network.responseReceived') w?.counter.response(m.params);
		if (m.method === 'Network.loadingFinished') w?.counter.finished(m.params);
		if (m.method === 'Target.attachedToTarget') {
			const { sessionId, targetInfo } = m.params;
			if (targetInfo.type === 'service_worker') {
				const worker = { counter: byteCounter(), cpu: false, network: false };
				workers.set(sessionId, worker);
				await send('Network.enable', {}, sessionId);
				worker.network = !(await send('Network.emulateNetworkConditions', networkConditions, sessionId)).error;
				worker.cpu = !(await send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown }, sessionId)).error;
			}
			await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
		}
	};
	const answer = await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: false }] });
	if (answer.error) throw new Error(`service-worker throttling: ${answer.error.message}`);
	return {
		/** Bytes and throttling state of the workers started since `reset()`. */
		snapshot: () => [...workers.values()],
		reset: () => workers.clear(),
		close: () => ws.close()
	};
}

// ---------------------------------------------------------------- measurements

/** Records, in the page, when the first heading with `text` appears (performance.now()). */
function watchHeading(text) {
	const seen = () => {
		// endsWith: a step heading starts with its visually hidden "Bước 1/5: ".
		for (const h of document.querySelectorAll('h1, h2, h3, legend')) if (h.textContent?.trim().endsWith(text)) return true;
		return false;
	};
	const start = () => {
		if (seen()) return void (window.__headingAt ??= performance.now());
		const o = new MutationObserver(() => {
			if (seen()) {
				window.__headingAt ??= performance.now();
				o.disconnect();
			}
		});
		o.observe(document, { childList: true, subtree: true, characterData: true });
	};
	start();
}

const firstContentfulPaint = (page) =>
	page.evaluate(
		() =>
			new Promise((resolve) => {
				const e = performance.getEntriesByName('first-contentful-paint')[0];
				if (e) return resolve(e.startTime);
				new PerformanceObserver((l) => resolve(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
			})
	);

async function coldPaint(browser, url) {
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
	const page = await context.newPage();
	const counter = await throttlePage(context, page);
	await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
	const fcp = await firstContentfulPaint(page);
	const doc = counter.done.find((d) => new URL(d.url).pathname === new URL(url).pathname);
	if (process.env.BENCH_DEBUG) {
		const n = await page.evaluate(() => JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0])));
		const ms = (k) => Math.round(n[k]);
		console.log(`paint ${url}: fetchStart ${ms('fetchStart')} connectEnd ${ms('connectEnd')} requestStart ${ms('requestStart')} responseStart ${ms('responseStart')} responseEnd ${ms('responseEnd')} domInteractive ${ms('domInteractive')} fcp ${Math.round(fcp)} ms`);
	}
	await context.close();
	return { fcp, htmlBytes: doc?.bytes ?? NaN };
}

async function offlineReady(browser, workers, base) {
	workers.reset();
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
	const page = await context.newPage();
	const counter = await throttlePage(context, page);
	const t0 = Date.now();
	await page.goto(`${base}/`, { waitUntil: 'commit' });
	const readyAt = await page.evaluate(() => navigator.serviceWorker.ready.then(() => performance.now()), undefined);
	const readyWall = Date.now();
	const fcp = await firstContentfulPaint(page);
	// The worker's second round (src/service-worker.ts): the PDF engine and fonts, kept after the install.
	const laterAt = await page.evaluate(async () => {
		for (;;) {
			for (const name of await caches.keys()) {
				if (!name.includes('precache')) continue;
				const paths = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
				if (paths.some((p) => p.includes('/chunks/pdf-engine.')) && paths.filter((p) => p.endsWith('.pdffont')).length === 2) return performance.now();
			}
			await new Promise((r) => setTimeout(r, 100));
		}
	});
	const elapsed = Date.now() - t0;
	const sw = workers.snapshot();
	const sum = (done) => done.reduce((a, d) => a + d.bytes, 0);
	const swBytes = sw.reduce((s, w) => s + sum(w.counter.done.filter((d) => d.at <= readyWall)), 0);
	const swFiles = sw.reduce((s, w) => s + w.counter.done.filter((d) => d.at <= readyWall).length, 0);
	const laterBytes = sw.reduce((s, w) => s + sum(w.counter.done.filter((d) => d.at > readyWall)), 0);
	const pageBytes = sum(counter.done.filter((d) => d.at <= readyWall));
	if (process.env.BENCH_DEBUG) {
		for (const d of counter.done) console.log('page', d.bytes, d.url);
		for (const w of sw) for (const d of w.counter.done) console.log(d.at <= readyWall ? 'install' : 'later', d.bytes, d.url);
	}
	await context.close();
	return { readyAt, laterAt, laterBytes, elapsed, fcp, swBytes, swFiles, pageBytes, throttledNet: sw.every((w) => w.network), throttledCpu: sw.every((w) => w.cpu), workers: sw.length };
}

const builtGzip = (path) => {
	try {
		return gzipSync(readFileSync(`${BUILD_DIR}/client${path}`), { level: 9 }).length;
	} catch {
		return 0;
	}
};

/**
 * A phone on which the demo citizen (seeded in development) signed in before: the session cookie
 * is set and the device's database holds the account. Signed in unthrottled; the page measured
 * then starts with an empty HTTP cache, as a link opened days later would.
 */
async function signedInContext(browser, base) {
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
	const page = await context.newPage();
	await page.goto(`${base}/signin`);
	await page.getByLabel(/Số CCCD hoặc số điện thoại/).fill('0912000001');
	await page.getByLabel(/Mật khẩu/).first().fill('dan-thu-nghiem-2025');
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	// The device has taken the account once the header names the person.
	await page.locator('header summary', { hasText: 'Nguyễn Văn Dân' }).waitFor({ timeout: 60_000 });
	await page.close();
	return context;
}

async function formFromColdLink(browser, base, { signedIn = false } = {}) {
	const context = signedIn ? await signedInContext(browser, base) : await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
	await context.addInitScript(watchHeading, FORM_HEADING);
	const page = await context.newPage();
	const counter = await throttlePage(context, page);
	if (signedIn) await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
	const t0 = Date.now();
	await page.goto(`${base}/procedures/${PROCEDURE}/apply`, { waitUntil: 'commit' });
	await page.getByRole('heading', { name: FORM_HEADING }).waitFor({ timeout: 120_000 });
	const visibleAt = await page.evaluate(() => window.__headingAt);
	const bytes = counter.done.reduce((a, d) => a + d.bytes, 0);
	if (process.env.BENCH_DEBUG) for (const d of counter.done) console.log(`form ${d.at - t0} ms ${d.bytes} B ${new URL(d.url).pathname}`);
	await context.close();
	return { visibleAt, bytes };
}

/** Gzip-9 bytes of every script the form costs: from a cold link, and after the procedure page. */
async function formScripts(browser, base) {
	const measure = async (visit) => {
		const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
		const page = await context.newPage();
		const scripts = new Map();
		page.on('requestfinished', async (r) => {
			if (r.resourceType() !== 'script') return;
			const sizes = await r.sizes().catch(() => null);
			scripts.set(new URL(r.url()).pathname, sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0);
		});
		await visit(page);
		await page.getByRole('heading', { name: FORM_HEADING }).waitFor();
		await page.waitForLoadState('networkidle');
		await context.close();
		let gzip = 0;
		let wire = 0;
		for (const [path, w] of scripts) (gzip += builtGzip(path)), (wire += w);
		return { files: scripts.size, gzip, wire };
	};
	const cold = await measure((page) => page.goto(`${base}/procedures/${PROCEDURE}/apply`));
	const afterProcedure = await measure(async (page) => {
		await page.goto(`${base}/procedures/${PROCEDURE}`);
		await page.waitForLoadState('networkidle');
		await page.locator(`a[href$="/procedures/${PROCEDURE}/apply"]`).first().click();
	});
	return { cold, afterProcedure };
}

async function htmlOnTheWire(base, path) {
	const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
	const raw = Buffer.from(await res.arrayBuffer()); // fetch decodes; measure the encoded size again
	const encoding = res.headers.get('content-encoding');
	const wire = encoding ? encode(raw, encoding).length : raw.length;
	return { raw: raw.length, wire, encoding: encoding ?? 'identity' };
}

// ---------------------------------------------------------------- run

const app = await startApp();
const copy = await startScriptFreeCopy(app.base);
const debuggingPort = await freePort();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [`--remote-debugging-port=${debuggingPort}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']
});
const workers = await throttleServiceWorkers(debuggingPort);
const rows = [];
console.log(`Profile: ${PROFILE.kbitPerSecond} kbit/s both ways, ${PROFILE.rttMs} ms RTT, CPU ${PROFILE.cpuSlowdown}×; ${RUNS} runs, medians. load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
try {
	if (ONLY.has('offline')) {
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await offlineReady(browser, workers, app.base));
		const r = runs[0];
		// The worker's own script is fetched by the browser itself, seen by neither DevTools
		// session: its size on the wire is counted as `npm start` serves it.
		const script = (await htmlOnTheWire(app.base, '/service-worker.js')).wire;
		const bytes = median(runs.map((x) => x.swBytes + x.pageBytes)) + script;
		rows.push([
			'offline-ready after a first visit of / (page + worker script + worker bytes)',
			`${sec(median(runs.map((x) => x.readyAt)))}, ${kb(bytes)} (page ${kb(median(runs.map((x) => x.pageBytes)))}, worker script ${kb(script)}, worker ${kb(median(runs.map((x) => x.swBytes)))} in ${r.swFiles} files)`,
			`${sec(floorMs(bytes, 3))}`,
			'—',
			'≤ 15 s, ≤ 400 KB'
		]);
		rows.push([
			'the PDF engine and fonts kept too (the worker\'s second round)',
			`${sec(median(runs.map((x) => x.laterAt)))}, + ${kb(median(runs.map((x) => x.laterBytes)))}`,
			`${sec(floorMs(bytes + median(runs.map((x) => x.laterBytes)), 4))}`,
			'—',
			'—'
		]);
		console.log(`  worker throttled: network ${r.throttledNet}, CPU ${r.throttledCpu} (${r.workers} worker target(s)); runs: ${runs.map((x) => sec(x.readyAt)).join(', ')}`);
	}
	if (ONLY.has('paint')) {
		const line = [];
		for (let i = 0; i < RUNS; i++) line.push(await coldPaint(browser, `${copy.base}${ONE_LINE_PAGE}`));
		rows.push(['first contentful paint, a one-line page (no CSS, no script: the browser\'s own floor here)', sec(median(line.map((x) => x.fcp))), sec(floorMs(median(line.map((x) => x.htmlBytes)), 1)), '—', '—']);
		for (const path of ['/', '/procedures', `/procedures/${PROCEDURE}`]) {
			const a = [];
			const c = [];
			for (let i = 0; i < RUNS; i++) {
				a.push(await coldPaint(browser, `${app.base}${path}`));
				c.push(await coldPaint(browser, `${copy.base}${path}`));
			}
			const html = median(a.map((x) => x.htmlBytes));
			rows.push([`first contentful paint, ${path}`, sec(median(a.map((x) => x.fcp))), sec(floorMs(html, 1)), sec(median(c.map((x) => x.fcp))), '≤ 1.0 s']);
		}
	}
	if (ONLY.has('form')) {
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await formFromColdLink(browser, app.base));
		const bytes = median(runs.map((x) => x.bytes));
		rows.push([`form visible from a cold link to /procedures/${PROCEDURE}/apply`, `${sec(median(runs.map((x) => x.visibleAt)))} (${kb(bytes)})`, sec(floorMs(bytes, 2)), 'n/a (the form needs scripts)', '≤ 3.5 s']);
	}
	if (ONLY.has('form-signed-in')) {
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await formFromColdLink(browser, app.base, { signedIn: true }));
		const bytes = median(runs.map((x) => x.bytes));
		rows.push([`the same, signed in (pre-filled from the account; empty HTTP cache)`, `${sec(median(runs.map((x) => x.visibleAt)))} (${kb(bytes)})`, sec(floorMs(bytes, 2)), 'n/a', '—']);
	}
	if (ONLY.has('sizes')) {
		const s = await formScripts(browser, app.base);
		rows.push(['form page JS, cold link (gzip-9; wire)', `${kb(s.cold.gzip)}; ${kb(s.cold.wire)} in ${s.cold.files} files`, '—', '—', '≤ 90 KB']);
		rows.push(['form page JS, after the procedure page (gzip-9; wire)', `${kb(s.afterProcedure.gzip)}; ${kb(s.afterProcedure.wire)} in ${s.afterProcedure.files} files`, '—', '—', '≤ 90 KB']);
		const h = await htmlOnTheWire(app.base, '/procedures');
		rows.push(['/procedures HTML on the wire', `${kb(h.wire)} (${h.encoding}; ${kb(h.raw)} raw)`, sec(floorMs(h.wire, 1)), '—', '≤ 6 KB']);
	}
} finally {
	workers.close();
	await browser.close();
	copy.stop();
	app.stop();
}
const header = ['metric', 'this build', 'floor', 'script-free copy', 'goal'];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
