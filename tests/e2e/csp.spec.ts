import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { a4PhotoBase64 } from './helpers/a4-photo';
import { newPerson, register } from './helpers/accounts';
import { waitForServiceWorker } from './helpers/browser';
import { fillBirthRegistrationUpToAttachments } from './helpers/birth-form';
import { waitForControl } from './helpers/outbox';
import { pdfText } from './helpers/pdf';

// Issue 12, defect 9: every page carries a script policy with no 'unsafe-inline' (kit.csp in
// svelte.config.js), and the app works under it: no violation is reported on the way through
// registration, the paper store's preview, the e-form, its PDF and an offline navigation.

/** `directive` → its sources, from one policy string. */
function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...sources]) => [name.toLowerCase(), sources])
	);
}

/** The inline scripts a browser would run (not JSON data islands). */
function inlineScripts(html: string): { attributes: string; body: string }[] {
	return [...html.matchAll(/<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g)]
		.map(([, attributes, body]) => ({ attributes, body }))
		.filter((s) => !/\ssrc=/.test(s.attributes) && !/type="application\/(ld\+)?json"/.test(s.attributes));
}

async function page(request: APIRequestContext, path: string) {
	const res = await request.get(path);
	expect(res.status(), path).toBe(200);
	return { header: res.headers()['content-security-policy'] ?? '', html: await res.text() };
}

test('server-rendered and prerendered pages carry a script policy without unsafe-inline that matches their inline scripts', async ({ request }) => {
	// Server-rendered: a fresh nonce in the header, on every inline script.
	const signin = await page(request, '/signin');
	const policy = directives(signin.header);
	const scriptSrc = policy.get('script-src') ?? [];
	expect(scriptSrc).toContain("'self'");
	expect(scriptSrc).not.toContain("'unsafe-inline'");
	expect(scriptSrc).not.toContain("'unsafe-eval'");
	const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
	expect(nonce, signin.header).toBeTruthy();
	expect(policy.get('object-src')).toEqual(["'none'"]);
	expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
	const scripts = inlineScripts(signin.html);
	expect(scripts.length).toBeGreaterThan(0);
	for (const s of scripts) expect(s.attributes).toContain(`nonce="${nonce}"`);
	expect((await page(request, '/signin')).header, 'a new nonce per answer').not.toContain(nonce!);

	// Prerendered (the home page, a procedure page, the app shell the service worker answers
	// offline navigations with): a <meta> policy holding the hash of each inline script, and
	// the server's base policy in the header.
	for (const path of ['/', '/procedures/1.001193', '/app-shell']) {
		const { header, html } = await page(request, path);
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1];
		expect(meta, `${path}: a <meta> policy`).toBeTruthy();
		const sources = directives(meta!.replaceAll('&#39;', "'").replaceAll('&quot;', '"')).get('script-src') ?? [];
		expect(sources, path).toContain("'self'");
		expect(sources, path).not.toContain("'unsafe-inline'");
		const scripts = inlineScripts(html);
		expect(scripts.length, path).toBeGreaterThan(0);
		for (const s of scripts) {
			const hash = `'sha256-${createHash('sha256').update(s.body).digest('base64')}'`;
			expect(sources, `${path}: the hash of its inline script`).toContain(hash);
		}
		expect(directives(header).get('frame-ancestors'), path).toEqual(["'self'"]);
	}
});

/** Every CSP violation any page of the context reports, with where it happened. */
async function recordViolations(context: BrowserContext): Promise<string[]> {
	const seen: string[] = [];
	await context.exposeBinding('reportCspViolation', ({ page }, text: string) => void seen.push(`${page.url()}: ${text}`));
	await context.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
		)
	);
	context.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
	});
	return seen;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('no CSP violation through registration, a paper preview, the e-form, its PDF and an offline navigation', async ({ context, page }) => {
	const violations = await recordViolations(context);

	// Server-rendered forms (register, verify, account), then the service worker takes over.
	await register(page, newPerson());
	await waitForControl(page);

	// The paper store: the photo is prepared in a worker, its preview is a blob: image.
	await page.goto('/documents/new');
	const photo = Buffer.from(await page.evaluate(a4PhotoBase64, { seed: 3, width: 1200, height: 900 }), 'base64');
	const chooser = page.waitForEvent('filechooser');
	await page.getByText('Chọn ảnh hoặc tệp PDF').click();
	await (await chooser).setFiles([{ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: photo }]);
	await expect(page.getByTestId('size-change')).toHaveCount(1);
	await page.getByLabel('Loại giấy tờ').selectOption('can-cuoc');
	await page.getByRole('button', { name: 'Lưu vào kho' }).click();
	await expect(page).toHaveURL(/\/documents\?added=/);
	await page.getByTestId('paper').locator('a.title').click();
	const image = page.getByRole('img', { name: /Thẻ căn cước/ });
	await expect(image).toBeVisible();
	expect(await image.evaluate((img: HTMLImageElement) => img.src.startsWith('blob:') && img.naturalWidth > 0)).toBe(true);

	// A prerendered procedure page, the e-form, its PDF.
	await page.goto('/procedures/1.001193');
	await waitForServiceWorker(page);
	await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	await fillBirthRegistrationUpToAttachments(page);
	await page.getByLabel('Giấy chứng sinh').setInputFiles({ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: PNG });
	await expect(page.getByRole('listitem').filter({ hasText: 'giay-chung-sinh.png' })).toBeVisible();
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await page.getByLabel(/Tôi cam đoan/).check();
	await page.getByRole('button', { name: 'Kiểm tra lại hồ sơ' }).click();
	await expect(page.getByRole('heading', { name: 'Kiểm tra lại hồ sơ' })).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Xem/In tờ khai (PDF)' }).click();
	expect(await pdfText(readFileSync((await (await download).path())!))).toContain('Lê Minh Anh');

	// Offline: a full load of a page that is not precached is answered with the app shell.
	await context.setOffline(true);
	await page.goto('/drafts');
	const item = page.locator('ul.drafts li').filter({ hasText: 'Thủ tục đăng ký khai sinh' });
	await expect(item).toHaveCount(1);
	await item.getByRole('link', { name: 'Tiếp tục' }).click();
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await context.setOffline(false);

	expect(violations).toEqual([]);
});
