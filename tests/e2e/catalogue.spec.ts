import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { pdfText } from './helpers/pdf';
import { firstVisitScriptBytes } from './helpers/bundle';

// Issue "Foundation": find a procedure the way people type it, read it, download the
// blank form, then do it all again with the network off.

async function waitForServiceWorker(page: import('@playwright/test').Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
}

test('search, read, download the template — online then offline', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);

	async function journey() {
		await page.goto('/');
		await page.getByLabel('Tìm thủ tục hành chính').fill('khai sinh');
		await page.getByRole('button', { name: 'Tìm' }).click();
		await expect(page).toHaveURL(/\/procedures\?q=khai\+sinh/);
		const first = page.locator('ol.results li').first();
		await expect(first.getByRole('link')).toHaveText('Thủ tục đăng ký khai sinh');
		await first.getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thủ tục đăng ký khai sinh');
		await expect(page.getByRole('heading', { name: 'Thành phần hồ sơ' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Phí, lệ phí' })).toBeVisible();
		await expect(page.getByText('Nếu nộp bây giờ, ngày hẹn trả dự kiến')).toBeVisible();
		const downloadPromise = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Tải mẫu đơn (PDF)' }).click();
		const download = await downloadPromise;
		expect(download.suggestedFilename()).toBe('mau-to-khai-1.001193.pdf');
		const text = await pdfText(readFileSync((await download.path())!));
		expect(text).toContain('Thủ tục đăng ký khai sinh');
		expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
	}

	await journey();
	await context.setOffline(true);
	await page.reload();
	await journey();
	// Typing without diacritics and with a typo still finds marriage registration offline.
	await page.goto('/procedures?q=dang+ky+ket+hom');
	await expect(page.locator('ol.results li').first().getByRole('link')).toHaveText('Thủ tục đăng ký kết hôn');
	await context.setOffline(false);
});

test('offline search gives the same results as the server', async ({ page, context, request }) => {
	const queries = ['ket hon', 'chung thuc ban sao', 'khai sinh', 'cu tru', 'ho kinh doanh'];
	const server = [];
	for (const q of queries) {
		const res = await request.get(`/api/procedures?q=${encodeURIComponent(q)}`);
		server.push(((await res.json()).items as { code: string }[]).map((i) => i.code));
	}
	await page.goto('/procedures');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	for (const [i, q] of queries.entries()) {
		const local = await page.evaluate(async (q) => {
			const res = await fetch(`/api/procedures?q=${encodeURIComponent(q)}`);
			return { by: res.headers.get('x-answered-by'), codes: ((await res.json()).items as { code: string }[]).map((x) => x.code) };
		}, q);
		expect(local.by).toBe('service-worker');
		expect(local.codes).toEqual(server[i]);
	}
	await context.setOffline(false);
});

test('manifest is installable and the service worker controls the page', async ({ page, request }) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest.name).toBe('Dịch vụ công trực tuyến');
	expect(manifest.display).toBe('standalone');
	expect(manifest.start_url).toMatch(/^\//);
	expect(manifest.theme_color).toMatch(/^#/);
	expect(manifest.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);
	for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
	await page.goto('/');
	await waitForServiceWorker(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/service-worker\.js$/);
});

test('bad input: overlong query, unknown filter, unknown code — a message, never a 500', async ({ page, request }) => {
	const long = await request.get(`/api/procedures?q=${'a'.repeat(201)}`);
	expect(long.status()).toBe(400);
	expect((await long.json()).error.message).toContain('200');
	const tier = await request.get('/api/procedures?tier=galaxy');
	expect(tier.status()).toBe(400);
	const unknown = await request.get('/api/procedures/9.999999');
	expect(unknown.status()).toBe(404);
	expect((await unknown.json()).error.message).toContain('Không tìm thấy thủ tục');
	const res = await page.goto('/procedures/9.999999');
	expect(res?.status()).toBe(404);
	await expect(page.getByText('Không tìm thấy thủ tục')).toBeVisible();
	await page.goto(`/procedures?q=${'x'.repeat(300)}`);
	await expect(page.getByRole('alert')).toContainText('200 ký tự');
});

test('first-visit JavaScript of the home page and /procedures stays under 60 KB gzip', async ({ browser }) => {
	const { files, bytes } = await firstVisitScriptBytes(browser, async (page) => {
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		await page.goto('/procedures');
	});
	console.log(`first-visit JS: ${files} files, ${bytes} bytes gzip`);
	expect(bytes).toBeLessThanOrEqual(60 * 1024);
});
