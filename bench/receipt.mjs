// Fee e-receipt (issue 15): how long the device takes to make "Biên lai thu phí, lệ phí điện
// tử" with the CPU slowed 4× (DevTools Emulation.setCPUThrottlingRate), in real Chromium, against
// the goal of 1 s. The code measured is the app's own (src/lib/domain/pdf/fee-receipt.ts:
// pdf-lib, the two prepared Be Vietnam Pro fonts embedded, the layout writer), bundled by rolldown
// into a blank page (bench/receipt-page.js). The fonts are handed over as bytes, as the app's
// loadFonts() does once they are fetched (they are precached by the service worker).
//
//   node bench/receipt.mjs          (or: npm run bench -- receipt; no build needed)
//
// Each run is a fresh page (a cold builder, as when a person taps "Tải biên lai" once), then the
// same page builds it again (warm). Environment: BENCH_RUNS (7), CHROMIUM_PATH (/usr/bin/chromium).
import { chromium } from '@playwright/test';
import { rolldown } from 'rolldown';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CPU_SLOWDOWN = 4;
const GOAL_MS = 1000;

const bundle = await rolldown({ input: 'bench/receipt-page.js', platform: 'browser', logLevel: 'silent', resolve: { alias: { $lib: resolve('src/lib') } } });
const { output } = await bundle.generate({ format: 'iife', codeSplitting: false });
await bundle.close();

const font = (name) => readFileSync(`static/fonts/BeVietnamPro-${name}.pdffont`).toString('base64');
const fonts = { regular: font('Regular'), bold: font('Bold') };
// A paid level-4 fee as the citizen's dossier page holds it (GET /api/dossiers/{id}/payments).
const input = {
	dossier: {
		code: 'G01.23-261207-0042',
		procedure: { code: '1.001193', name: 'Đăng ký tạm trú' },
		receipt: { agencyName: 'Công an xã Sóc Sơn, thành phố Hà Nội' }
	},
	obligation: {
		id: '0b1f6c2e-8d4a-4c57-9a3e-2f5d7c9e1a42',
		amount: 36000,
		items: [
			{ name: 'Lệ phí đăng ký tạm trú', amount: 16000 },
			{ name: 'Phí cấp bản sao giấy xác nhận thông tin về cư trú', amount: 20000 }
		],
		state: 'paid',
		reference: 'DVC26120742',
		vietqr: null,
		transfer: null,
		createdAt: '2026-12-07T02:00:00.000Z',
		payment: { id: '5e0c9d1b-7a34-4f2e-b1c8-6d9a0e3f7b21', method: 'vnpay', amount: 36000, providerRef: '14839275', paidAt: '2026-12-07T02:14:09.000Z', payerName: 'Nguyễn Thị Hoa' }
	}
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const cold = [];
const warm = [];
let size = 0;
for (let i = 0; i < RUNS; i++) {
	const page = await browser.newPage();
	await page.goto('about:blank');
	await page.addScriptTag({ content: output[0].code });
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	const first = await page.evaluate(([input, fonts]) => window.bench.build(input, fonts), [input, fonts]);
	const again = await page.evaluate(([input, fonts]) => window.bench.build(input, fonts), [input, fonts]);
	if (first.head !== "%PDF-" || again.head !== "%PDF-") throw new Error(`run ${i + 1}: not a PDF`);
	cold.push(first.ms);
	warm.push(again.ms);
	size = first.bytes;
	console.log(`run ${i + 1}: ${first.bytes.toLocaleString('en')} B PDF, cold ${s(first.ms)}, warm ${s(again.ms)} at CPU ${CPU_SLOWDOWN}×`);
	await page.close();
}
const verdict = (ms) => (ms <= GOAL_MS ? 'within' : 'OVER');
console.log(
	`median of ${RUNS}: cold ${s(median(cold))} (${verdict(median(cold))} the 1 s goal; max ${s(Math.max(...cold))}), ` +
		`warm ${s(median(warm))} (${verdict(median(warm))}); PDF ${size.toLocaleString('en')} B`
);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await browser.close();
