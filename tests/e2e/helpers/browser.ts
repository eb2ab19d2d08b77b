import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import config from '../../../playwright.config';

/** A browser profile on disk, closed and reopened like a phone's browser being restarted. */
export async function launchProfile(userDataDir: string, options: { offline?: boolean } = {}): Promise<BrowserContext> {
	const use = config.use!;
	return chromium.launchPersistentContext(userDataDir, {
		executablePath: use.launchOptions!.executablePath,
		args: use.launchOptions!.args,
		baseURL: use.baseURL,
		viewport: use.viewport,
		locale: use.locale,
		timezoneId: use.timezoneId,
		acceptDownloads: true,
		offline: options.offline
	});
}

/**
 * The service worker is installed, controls the page, and has kept its second round too (the
 * PDF engine and fonts, src/service-worker.ts): from here everything works with no signal.
 */
export async function waitForServiceWorker(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
	await expect.poll(() => pdfEngineKept(page), { timeout: 30_000 }).toBe(true);
}

/** Whether the precache holds the PDF engine chunk and both PDF fonts. */
export function pdfEngineKept(page: Page): Promise<boolean> {
	return page.evaluate(async () => {
		for (const name of await caches.keys()) {
			if (!name.includes('precache')) continue;
			const paths = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
			return paths.some((p) => p.includes('/chunks/pdf-engine.')) && paths.filter((p) => p.endsWith('.pdffont')).length === 2;
		}
		return false;
	});
}

export async function waitSaved(page: Page) {
	await page.getByTestId('save-state').filter({ hasText: 'Đã lưu trên máy' }).waitFor();
}

/** Picks a 2025 address: province by code, then the first commune of it, then the street. */
export async function fillAddress(page: Page, legend: string, provinceCode: string, street?: string) {
	const group = page.getByRole('group', { name: legend });
	await group.getByLabel('Tỉnh/thành phố', { exact: true }).selectOption(provinceCode);
	await group.getByLabel('Xã/phường/đặc khu', { exact: true }).selectOption({ index: 1 });
	if (street !== undefined) await group.getByLabel('Số nhà, đường/thôn, tổ').fill(street);
}
