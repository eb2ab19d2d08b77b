import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectReceipt, openCompleteDraft, signIn } from './helpers/outbox';

// Issue 11, the citizen's side: a citizen on a 360 px phone sends a dossier; the desk (its
// API, in a second browser context at desktop size) accepts it and asks for a paper; the
// citizen sees each step on the dossier's page without reloading, answers the request
// offline, and the supplement arrives once when the network is back; the desk finishes with a
// result file, which the citizen downloads and then reads with no signal.

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

/** The demo officer of the agency that received the dossier, signed in in a desktop context. */
async function deskFor(browser: Browser, baseURL: string, code: string) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
	const agencyCode = code.split('-')[0];
	const accounts: { role: string; identifier: string; password: string; agencyCode: string | null }[] = await (await context.request.get('/api/dev/accounts')).json();
	const officer = accounts.find((a) => a.role === 'officer' && a.agencyCode === agencyCode);
	expect(officer, `a demo officer for ${agencyCode}`).toBeTruthy();
	const signin = await context.request.post('/signin', { form: { identifier: officer!.identifier, password: officer!.password }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(signin.status()).toBe(303);
	return { context, request: context.request };
}

/** Delivers a push message to the page's service worker as the push service would (Chromium DevTools protocol). */
async function deliverPush(page: Page, origin: string, message: Record<string, unknown>) {
	const cdp = await page.context().newCDPSession(page);
	const registrationId = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const found = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL.startsWith(origin) && !r.isDeleted);
			if (found) resolve(found.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: await registrationId, data: JSON.stringify(message) });
	await cdp.detach();
}

async function act(request: APIRequestContext, id: string, action: string, extra: Record<string, unknown> = {}) {
	const response = await request.post(`/api/officer/dossiers/${id}/actions`, { data: { requestId: crypto.randomUUID(), action, ...extra } });
	expect(response.status(), await response.text()).toBe(200);
	return response.json();
}

test('the citizen follows the desk on the timeline, answers a supplement request offline, and downloads the result', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(240_000);
	await context.grantPermissions(['notifications']);
	await signIn(page);
	const seeded = await openCompleteDraft(page, 20 * 1024);
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	await expect(page).toHaveURL(/\/outbox$/);
	const id = await expectReceipt(page, seeded.draftId);

	// From the outbox to the dossier's page: the receipt's own event, withdrawal offered.
	await page.locator(`#dossier-${id}`).getByTestId('dossier-link').click();
	await expect(page).toHaveURL(new RegExp(`/dossiers/${id}$`));
	const code = (await page.getByTestId('dossier-code').textContent())!.trim();
	await expect(page.getByTestId('dossier-status')).toHaveText('Mới đăng ký');
	await expect(page.getByTestId('timeline-event')).toHaveCount(1);
	await expect(page.getByTestId('timeline-event').first()).toContainText('Bạn đã nộp hồ sơ trực tuyến');
	await expect(page.getByRole('button', { name: 'Rút hồ sơ này' })).toBeVisible();

	// The desk accepts and asks for a paper; the citizen's page shows it with no reload.
	const desk = await deskFor(browser, baseURL!, code);
	await act(desk.request, id, 'accept');
	await act(desk.request, id, 'request-supplement', { missing: ['Hợp đồng thuê nhà có công chứng'], note: 'Ảnh <b>mờ</b>, hãy chụp lại trang 2' });
	// The push the server sends for it: the worker shows it and the open page refreshes at once.
	await deliverPush(page, new URL(baseURL!).origin, { title: `Hồ sơ ${code}: Yêu cầu bổ sung giấy tờ`, body: 'Cần bổ sung', url: `/dossiers/${id}`, dossierId: id, tag: id });
	await expect(page.getByTestId('dossier-status')).toHaveText('Yêu cầu bổ sung giấy tờ', { timeout: 15_000 });
	await expect(page.getByTestId('timeline-event')).toHaveCount(3);
	await expect(page.getByTestId('timeline-event').nth(1)).toContainText('Cơ quan đã tiếp nhận hồ sơ');
	const request = page.getByTestId('supplement-request');
	await expect(request.getByTestId('missing-papers')).toHaveText('Hợp đồng thuê nhà có công chứng');
	// What the officer typed is text, never markup.
	await expect(request.getByTestId('officer-note')).toHaveText('Ảnh <b>mờ</b>, hãy chụp lại trang 2');
	await expect(request.locator('b')).toHaveCount(0);

	// Offline: the paper is kept on the phone and says it will be sent.
	await context.setOffline(true);
	await request.getByLabel('Chọn ảnh chụp hoặc tệp PDF').setInputFiles({ name: 'hop-dong-cong-chung.pdf', mimeType: 'application/pdf', buffer: PDF('hop dong') });
	await request.getByLabel('Ghi chú cho cán bộ (không bắt buộc)').fill('Đã chụp lại bản công chứng');
	await request.getByRole('button', { name: 'Gửi bổ sung' }).click();
	await expect(page.getByTestId('supplement-pending')).toContainText('Ứng dụng sẽ tự gửi khi có mạng');

	// Online again: sent once, the dossier is back in processing, the desk sees version 2.
	await context.setOffline(false);
	await expect(page.getByTestId('dossier-status')).toHaveText('Đang xử lý', { timeout: 45_000 });
	await expect(page.getByTestId('supplement-request')).toHaveCount(0);
	await expect(page.getByTestId('timeline-event').nth(3)).toContainText('Bạn đã gửi bổ sung hồ sơ');
	await expect(page.getByTestId('timeline-event').nth(3)).toContainText('Ghi chú của bạn: Đã chụp lại bản công chứng');
	const seen = await (await desk.request.get(`/api/officer/dossiers/${id}`)).json();
	expect(seen.version).toBe(2);
	expect(seen.events.filter((e: { action: string }) => e.action === 'supplement')).toHaveLength(1);
	expect(seen.attachments.map((a: { name: string }) => a.name)).toContain('hop-dong-cong-chung.pdf');
	// The two views never disagree: the citizen's timeline is the desk's event list.
	const mine = await (await context.request.get(`/api/dossiers/${id}`)).json();
	expect(mine.timeline).toEqual(seen.events);

	// The desk finishes with a result file and hands it over.
	const result = PDF(`ket qua ${id}`);
	const uploaded = await desk.request.post(`/api/officer/dossiers/${id}/files?name=ket-qua.pdf`, { data: result, headers: { 'content-type': 'application/pdf' } });
	expect(uploaded.status()).toBe(201);
	await act(desk.request, id, 'finish', { result: { sha256: (await uploaded.json()).sha256, name: 'ket-qua.pdf' } });
	await act(desk.request, id, 'return');
	await expect(page.getByTestId('dossier-status')).toHaveText('Đã trả kết quả', { timeout: 45_000 });
	await expect(page.getByRole('button', { name: 'Rút hồ sơ này' })).toHaveCount(0);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('result-download').click()]);
	expect(download.suggestedFilename()).toBe('ket-qua.pdf');
	const { readFile } = await import('node:fs/promises');
	expect((await readFile((await download.path())!)).equals(result)).toBe(true);

	// No signal: the dossier, its timeline and the kept result still open from the device.
	await context.setOffline(true);
	await page.goto('/dossiers');
	await expect(page.getByTestId('my-dossier').filter({ hasText: code }).getByTestId('my-dossier-status')).toHaveText('Đã trả kết quả');
	await page.goto(`/dossiers/${id}`);
	await expect(page.getByTestId('timeline-event')).toHaveCount(6);
	await expect(page.getByText('Đang không có mạng')).toBeVisible();
	const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('result-download').click()]);
	expect((await readFile((await again.path())!)).equals(result)).toBe(true);
	await context.setOffline(false);
	await desk.context.close();
});
