import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Gzip bytes (level 9, of the built files) of every script a fresh browser (no service
 * worker, empty cache) requests while `visit` runs: what a first visit really downloads.
 */
export async function firstVisitScriptBytes(browser: Browser, visit: (page: Page) => Promise<void>) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const scripts = new Set<string>();
	page.on('requestfinished', (r) => {
		if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
	});
	await visit(page);
	await page.waitForLoadState('networkidle');
	await context.close();
	let bytes = 0;
	for (const path of scripts) bytes += gzipSync(readFileSync(`${process.env.BUILD_DIR ?? 'build'}/client${path}`), { level: 9 }).length;
	return { files: scripts.size, bytes };
}
