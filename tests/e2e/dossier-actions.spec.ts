import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './helpers/browser';
import { act, officerOf } from './helpers/desk';
import { expectReceipt, openCompleteDraft, signIn } from './helpers/outbox';

// Issue 11.4: a withdrawal ("rút hồ sơ") goes through the outbox like a first submission or a
// supplement (citizen-timeline.spec.ts): pressed with no signal it waits on the phone, shows in
// "Hồ sơ đã gửi", and is sent once when the line is back; one that the desk overtook says so.

/** A dossier sent by the demo citizen, open on its own page; its code and the desk of its agency. */
async function sentDossier(page: Page, browser: import('@playwright/test').Browser, baseURL: string) {
	await signIn(page);
	const seeded = await openCompleteDraft(page, 20 * 1024);
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	const id = await expectReceipt(page, seeded.draftId);
	await page.locator(`#dossier-${id}`).getByTestId('dossier-link').click();
	await expect(page).toHaveURL(new RegExp(`/dossiers/${id}$`));
	const code = (await page.getByTestId('dossier-code').textContent())!.trim();
	const desk = await officerOf(browser, baseURL, code.split('-')[0]);
	return { id, code, desk };
}

async function withdrawOffline(page: Page, context: BrowserContext, note: string) {
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Rút hồ sơ này' }).click();
	await page.getByLabel('Lý do rút (không bắt buộc)').fill(note);
	await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
	await expect(page.getByTestId('withdraw-pending')).toContainText('Ứng dụng sẽ tự gửi khi có mạng');
}

async function citizenEvents(desk: BrowserContext, id: string, action: string) {
	const seen = await (await desk.request.get(`/api/officer/dossiers/${id}`)).json();
	return { status: seen.status.code as number, events: (seen.events as { action: string }[]).filter((e) => e.action === action) };
}

test('a withdrawal pressed offline waits in the outbox and is sent once when the line is back', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(180_000);
	const { id, code, desk } = await sentDossier(page, browser, baseURL!);
	await act(desk, id, { action: 'accept' });
	await page.reload();
	await expect(page.getByTestId('dossier-status')).toHaveText('Được tiếp nhận');

	await withdrawOffline(page, context, 'Tôi chuyển nơi ở khác');
	// "Hồ sơ đã gửi" lists it as waiting, from the device (the worker serves the page offline).
	await page.goto('/outbox');
	const entry = page.getByTestId('outbox-entry').filter({ hasText: `Yêu cầu rút hồ sơ ${code}` });
	await expect(entry).toContainText('Sẽ tự gửi khi có mạng');
	expect((await citizenEvents(desk, id, 'withdraw')).events).toHaveLength(0);

	// Back online: sent by the engine, once; the outbox empties and the dossier says so.
	await context.setOffline(false);
	await expect(entry).toHaveCount(0, { timeout: 45_000 });
	await expect.poll(async () => (await citizenEvents(desk, id, 'withdraw')).status, { timeout: 15_000 }).toBe(7);
	await page.goto(`/dossiers/${id}`);
	await expect(page.getByTestId('dossier-status')).toHaveText('Công dân yêu cầu rút hồ sơ');
	await expect(page.getByTestId('timeline-event').last()).toContainText('Tôi chuyển nơi ở khác');
	// Every trigger again (a reload, the network event): still one withdrawal.
	await page.reload();
	await page.evaluate(() => dispatchEvent(new Event('online')));
	await page.waitForTimeout(1_000);
	expect((await citizenEvents(desk, id, 'withdraw')).events).toHaveLength(1);
	await desk.close();
});

test('a withdrawal that reaches the server after the desk decided says so plainly and changes nothing', async ({ page, context, browser, baseURL }) => {
	test.setTimeout(180_000);
	const { id, desk } = await sentDossier(page, browser, baseURL!);
	await withdrawOffline(page, context, 'Không cần nữa');
	// Meanwhile the desk refuses the dossier.
	await act(desk, id, { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền của cơ quan' });
	await context.setOffline(false);
	await expect(page.getByTestId('withdraw-pending')).toContainText('Cơ quan đã xử lý hồ sơ trước khi yêu cầu của bạn tới nơi', { timeout: 45_000 });
	await expect(page.getByTestId('withdraw-pending')).toContainText('Không được tiếp nhận');
	const after = await citizenEvents(desk, id, 'withdraw');
	expect([after.status, after.events.length]).toEqual([3, 0]);
	// In English too; "Bỏ" clears it.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByTestId('withdraw-pending')).toContainText('The agency dealt with the dossier before your request reached it');
	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
	await page.getByRole('button', { name: 'Bỏ yêu cầu rút hồ sơ này' }).click();
	await expect(page.getByTestId('withdraw-pending')).toHaveCount(0);
	await desk.close();
});

test('a withdrawal pressed offline is sent by the service worker after the browser was closed and reopened with no app page', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'dvc-e2e-withdraw-'));
	try {
		let context = await launchProfile(dir);
		const page = context.pages()[0] ?? (await context.newPage());
		const { id, desk } = await sentDossier(page, browser, baseURL!);
		await withdrawOffline(page, context, 'Gửi khi đã đóng ứng dụng');
		await context.close();

		// Reopened online on a blank page: only the worker's Background Sync can send it.
		context = await launchProfile(dir);
		expect((context.pages()[0] ?? (await context.newPage())).url()).toBe('about:blank');
		await expect.poll(async () => (await citizenEvents(desk, id, 'withdraw')).status, { intervals: [1000], timeout: 60_000 }).toBe(7);
		expect((await citizenEvents(desk, id, 'withdraw')).events).toHaveLength(1);
		await context.close();
		await desk.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
