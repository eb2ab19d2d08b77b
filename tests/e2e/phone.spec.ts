import { expect, test } from '@playwright/test';
import { DEMO, openCompleteDraft, outboxEntry, serverDossiers, signIn } from './helpers/outbox';

// Issue 16: when the phone misbehaves. Each test reproduces one failure a harsh tester found
// (persistent profiles, a slowed worker, storage cleared, a full disk) and fails without its fix.

test('the session expires while offline; signing in again sends the paused dossier at once, without a reload', async ({ page, context, browser }) => {
	await signIn(page);
	const seeded = await openCompleteDraft(page, 100 * 1024, {}, () => context.setOffline(true));
	const before = (await serverDossiers(context)).length;
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	await expect(page).toHaveURL(/\/outbox$/);
	await expect(page.getByTestId('outbox-entry')).toContainText('Sẽ tự gửi khi có mạng');

	// Meanwhile the person signs out of every device from a laptop: the phone's session is gone.
	const laptop = await browser.newContext();
	const other = await laptop.newPage();
	await signIn(other);
	await other.goto('/signout');
	await other.getByLabel('Đăng xuất khỏi mọi thiết bị').check();
	await other.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(other).toHaveURL(/signedout=all/);
	await laptop.close();

	// Back online: the server refuses the session and the entry waits for a sign-in.
	await context.setOffline(false);
	await expect.poll(async () => (await outboxEntry(page, seeded.draftId))[0]?.state, { timeout: 30_000 }).toBe('paused');
	await expect(page.getByTestId('outbox-entry')).toContainText('hãy đăng nhập lại');

	// Sign in again from the entry's own link; the page is never reloaded.
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
	await page.getByTestId('outbox-entry').getByRole('link', { name: 'Đăng nhập lại' }).click();
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(DEMO.idNumber);
	await page.getByLabel('Mật khẩu').fill(DEMO.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).toHaveURL(/\/outbox$/);
	await expect.poll(async () => (await outboxEntry(page, seeded.draftId))[0]?.state, { timeout: 20_000 }).toBe('received');
	await expect(page.getByTestId('dossier-code')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	await expect.poll(async () => (await serverDossiers(context)).length).toBe(before + 1);
});
