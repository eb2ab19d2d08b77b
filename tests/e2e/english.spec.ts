import { expect, test, type Page } from '@playwright/test';
import { openCompleteDraft, signIn } from './helpers/outbox';

// Issue 9, item 8: with English chosen, the pages that used to carry their own Vietnamese
// (sign-in, drafts, outbox, the review and its sending step) show English. Official texts
// (procedure names, the form's questions, the person's answers) stay Vietnamese, so the
// signed-in checks name the page's own words instead of looking for any diacritic.

/** A letter only Vietnamese writes (tone marks, ă â đ ê ô ơ ư). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

async function chooseEnglish(page: Page) {
	await page.locator('html[data-started]').waitFor({ state: 'attached' }); // a tap before the scripts run is not kept
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

async function expectNoVietnamese(page: Page) {
	expect(await page.locator('main').innerText()).not.toMatch(VIETNAMESE);
}

test('in English, the sign-in, drafts and outbox pages show no Vietnamese', async ({ page }) => {
	await page.goto('/signin');
	await chooseEnglish(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expect(page.getByLabel('Citizen ID or phone number')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Forgot your password' })).toBeVisible();
	await expectNoVietnamese(page);

	// A full load: the choice is restored from the device, then the page's own words follow.
	await page.goto('/drafts');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Applications in progress');
	await expect(page.getByText('No application in progress yet.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Storage on this device' })).toBeVisible();
	await expectNoVietnamese(page);

	await page.goto('/outbox');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sent applications');
	await expect(page.getByRole('main').getByRole('link', { name: 'sign in', exact: true })).toBeVisible();
	await expectNoVietnamese(page);

	await page.goto('/register');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register an account');
	// The province names in the address field are the official units' names: the field's own words are English.
	await expect(page.getByLabel('Province/city')).toBeVisible();
	await expect(page.getByRole('button', { name: 'I only know the old address (before 01/07/2025)' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Receive the activation code by' })).toBeVisible();
	expect(await page.locator('main').innerText()).not.toMatch(/Họ và tên|Mật khẩu|Tỉnh\/thành phố|Đăng ký/);
	// The old address loads when asked for, with its words; a suggested new commune fills the field.
	await page.getByRole('button', { name: 'I only know the old address (before 01/07/2025)' }).click();
	await page.getByLabel('Old province/city').selectOption({ index: 1 });
	await page.getByLabel('Old district').selectOption({ index: 1 });
	await page.getByLabel('Old commune/ward/town').selectOption({ index: 1 });
	await expect(page.getByText(/The corresponding new unit:|This old unit was divided/)).toBeVisible();
	await page.locator('button.choice').first().click();
	await expect(page.getByLabel('Commune/ward/special zone')).not.toHaveValue('');
});

test('in English, the review step and the sending that follows show English', async ({ page }) => {
	await signIn(page);
	await openCompleteDraft(page, 4 * 1024);
	await chooseEnglish(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the application');
	await expect(page.getByRole('heading', { name: 'Send the application' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'How to receive the result' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'View/print the declaration (PDF)' })).toBeVisible();
	await expect(page.getByTestId('upload-estimate')).toContainText('will be uploaded');
	const main = await page.locator('main').innerText();
	for (const vietnamese of ['Kiểm tra lại', 'Gửi hồ sơ', 'Cách nhận kết quả', 'Sẽ tải lên', 'Quay lại', 'Đã lưu'])
		expect(main).not.toContain(vietnamese);

	await page.getByRole('button', { name: 'Send the application' }).click();
	await expect(page).toHaveURL(/\/outbox$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sent applications');
	await expect(page.getByTestId('receipt').first().getByText('Application code')).toBeVisible();
	expect(await page.locator('main').innerText()).not.toMatch(/Mã hồ sơ|Đã tiếp nhận|Đang gửi|Tải giấy tiếp nhận/);
});
