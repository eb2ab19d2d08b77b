import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decodeAgencyDirectory } from '../../src/lib/domain/agency-directory';
import { decodeCurrentUnits } from '../../src/lib/domain/units';

// Issue 10: a dossier completed with the keyboard alone (Tab, Space, arrows, typing, Enter):
// no mouse, no click, no filling by script. Along the way: focus moves to each new step's
// heading, a step whose fields are all hidden is skipped, and the account's permanent
// address pre-fills "Nơi cư trú", the submit step names the People's Committee of the commune
// where the person lives (and why), and the receipt is downloaded with the keyboard too.

const DEMO = { idNumber: '001090012345', password: 'dan-thu-nghiem-2025' };
// The demo citizen's permanent address is in phường Ba Đình, Hà Nội (commune 00004).
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const units = decodeCurrentUnits(data('units/current.json'));
const HOME_COMMITTEE = decodeAgencyDirectory(data('agencies/directory.json'), units).byPlace.get('ubnd-xa:00004')!;

/** Presses Tab (forwards) until `target` has the focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, max = 80) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('a dossier completed with the keyboard alone, from signing in to the receipt', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/signin');
	await tabTo(page, page.getByLabel('Số CCCD hoặc số điện thoại'));
	await page.keyboard.type(DEMO.idNumber);
	await tabTo(page, page.getByLabel('Mật khẩu'));
	await page.keyboard.type(DEMO.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

	// "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", opened from its page by keyboard.
	await page.goto('/procedures/1.004873');
	await tabTo(page, page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }));
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);

	// Step 1: the requester, pre-filled from the account (the permanent address too).
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Người yêu cầu');
	await expect(page.getByLabel('Xã/phường/đặc khu').first()).not.toHaveValue('');
	await tabTo(page, page.getByRole('radio', { name: 'Bản thân' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Tiếp tục' }));
	await page.keyboard.press('Enter');

	// Step 2 (the subject's step is hidden: it is for oneself): focus on the new heading.
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Tình trạng hôn nhân');
	await expect.poll(() => focusedId(page)).toBe('step-heading');
	await tabTo(page, page.getByRole('radio', { name: 'Chưa đăng ký kết hôn với ai' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('radio', { name: 'Để đăng ký kết hôn' }));
	await page.keyboard.press('ArrowDown'); // → "Mục đích khác", checked by the arrow
	await expect(page.getByRole('radio', { name: 'Mục đích khác' })).toBeChecked();
	await tabTo(page, page.getByLabel('Ghi rõ mục đích sử dụng'));
	await page.keyboard.type('Bổ sung hồ sơ vay vốn');
	await page.keyboard.press('Enter');

	// "Giấy tờ kèm theo" has nothing to ask of a person never married: straight to the pledge.
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Cam đoan');
	await expect.poll(() => focusedId(page)).toBe('step-heading');
	await tabTo(page, page.getByRole('checkbox', { name: /Tôi cam đoan/ }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Kiểm tra lại hồ sơ' }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra lại hồ sơ' })).toBeVisible();
	await expect.poll(() => focusedId(page)).toBe('step-heading');
	// The agency: the People's Committee where the person lives, checked, with the reason. The
	// radio is reached with Tab and kept with Space; then "Gửi hồ sơ".
	const choice = page.getByTestId('agency-choice');
	const home = choice.getByRole('radio', { name: HOME_COMMITTEE.name });
	await tabTo(page, home, 120);
	await expect(home).toBeChecked();
	await page.keyboard.press('Space');
	await expect(home).toBeChecked();
	await expect(choice).toContainText('Lý do: nơi cư trú của người yêu cầu');
	await expect(page.getByTestId('agency-not-home')).toHaveCount(0);
	await tabTo(page, page.getByRole('button', { name: 'Gửi hồ sơ' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/outbox$/);

	// Received by that agency: the receipt names it and the applicant; its PDF comes with Enter.
	const receipt = page.getByTestId('receipt').first();
	await expect(receipt, 'the dossier is received').toBeVisible({ timeout: 60_000 });
	await expect(receipt.getByTestId('applicant')).toHaveText('Nguyễn Văn Dân');
	await expect(receipt).toContainText(HOME_COMMITTEE.name);
	await expect(receipt.getByTestId('dossier-code')).toHaveText(new RegExp(`^${HOME_COMMITTEE.code.replaceAll('.', '\\.')}-`));
	const pdf = receipt.getByRole('button', { name: 'Tải giấy tiếp nhận (PDF)' });
	await tabTo(page, pdf);
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});
