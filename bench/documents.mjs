// Document store (issue 14): what a photographed A4 page costs after the device shrinks it,
// and how long that takes on the baseline phone's CPU (4× slower), in real Chromium. The code
// measured is the app's own (src/lib/client/attachments/images.ts, assemble-pdf.ts), bundled
// by rolldown into a blank page (bench/documents-page.js); the photos are generated (tests/e2e/helpers/a4-photo.ts:
// 4000 × 3000 px, an A4 sheet of text on a table, sensor noise, JPEG 0.92 as a camera saves it).
//
//   node bench/documents.mjs          (or: npm run bench -- documents; no build needed)
//
// Environment: BENCH_PHOTOS (5), BENCH_PDF_PAGES (20), CHROMIUM_PATH (/usr/bin/chromium).
// Prints one row per photo, the medians, and the 20-page PDF's size, time and two peaks sampled
// every 25 ms while it is assembled: the JS heap (DevTools; it leaves out ArrayBuffer contents,
// where the image bytes live) and the resident memory of the renderer processes (Linux /proc),
// which counts everything the page holds.
import { chromium } from '@playwright/test';
import { rolldown } from 'rolldown';
import { loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 5);
const PDF_PAGES = Number(process.env.BENCH_PDF_PAGES ?? 20);
const CPU_SLOWDOWN = 4;

// The page side (bench/documents-page.js), bundled with Vite's own bundler.
const bundle = await rolldown({ input: 'bench/documents-page.js', platform: 'browser', logLevel: 'silent' });
const { output } = await bundle.generate({ format: 'iife', codeSplitting: false });
await bundle.close();

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto('about:blank');
await page.addScriptTag({ content: output[0].code });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const throttle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const rows = [];
console.log(`load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (let i = 0; i < PHOTOS; i++) {
	await throttle(1);
	await page.evaluate((seed) => window.bench.generate(seed), i + 1);
	await throttle(CPU_SLOWDOWN);
	const r = await page.evaluate((i) => window.bench.shrink(i), i);
	rows.push(r);
	console.log(`photo ${i + 1}: ${kb(r.bytesIn)} → ${kb(r.bytesOut)} (${r.width}×${r.height}, JPEG q${r.quality}) in ${(r.ms / 1000).toFixed(2)} s at CPU ${CPU_SLOWDOWN}×`);
}
const { MAX_SIDE, PHOTO_BUDGET_BYTES } = await page.evaluate(() => ({ MAX_SIDE: window.bench.MAX_SIDE, PHOTO_BUDGET_BYTES: window.bench.PHOTO_BUDGET_BYTES }));
console.log(
	`median: ${kb(median(rows.map((r) => r.bytesIn)))} → ${kb(median(rows.map((r) => r.bytesOut)))} in ${(median(rows.map((r) => r.ms)) / 1000).toFixed(2)} s; ` +
		`max out ${kb(Math.max(...rows.map((r) => r.bytesOut)))} (budget ${kb(PHOTO_BUDGET_BYTES)}, long side ${MAX_SIDE} px)`
);

// A 20-page PDF from the shrunk photos: time, size and the JS heap's peak while assembling.
await throttle(CPU_SLOWDOWN);
// Resident memory (kB → bytes) of the renderer processes of the Chromium this script started.
const ownPid = process.pid; // Playwright starts Chromium as a child of this process
const parentOf = (pid) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
const descends = (pid) => {
	for (let p = pid; p > 1; p = parentOf(p)) if (p === ownPid) return true;
	return false;
};
const rendererRss = () => {
	let total = 0;
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			if (!readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer') || !descends(Number(name))) continue;
			total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0) * 1024;
		} catch {
			// the process ended while being read
		}
	}
	return total;
};
const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
const base = await heap();
let peak = base;
const rssBase = rendererRss();
let rssPeak = rssBase;
let sampling = true;
const sampler = (async () => {
	while (sampling) {
		peak = Math.max(peak, await heap());
		rssPeak = Math.max(rssPeak, rendererRss());
		await new Promise((r) => setTimeout(r, 25));
	}
})();
const pdf = await page.evaluate((n) => window.bench.assemble(n), PDF_PAGES);
sampling = false;
await sampler;
console.log(
	`${PDF_PAGES}-page PDF: ${kb(pdf.inputBytes)} of photos → ${kb(pdf.bytes)} in ${(pdf.ms / 1000).toFixed(2)} s at CPU ${CPU_SLOWDOWN}×; ` +
		`JS heap ${(base / 2 ** 20).toFixed(1)} MB before, peak ${(peak / 2 ** 20).toFixed(1)} MB (+${((peak - base) / 2 ** 20).toFixed(1)} MB); ` +
		`renderer resident ${(rssBase / 2 ** 20).toFixed(0)} MB before, peak ${(rssPeak / 2 ** 20).toFixed(0)} MB (+${((rssPeak - rssBase) / 2 ** 20).toFixed(0)} MB)`
);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await browser.close();
