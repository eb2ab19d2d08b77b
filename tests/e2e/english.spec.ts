import { expect, test, type Page } from '@playwright/test';
import { openCompleteDraft, signIn } from './helpers/outbox';

// Issue 9, item 8: with English chosen, the pages that used to carry their own Vietnamese
// (sign-in, drafts, outbox, the review and its sending step) show English. Official texts
// (procedure names, the form's questions, the person's answers) stay Vietnamese, so the
// signed-in checks name the page's own words instead of looking for any diacritic.

/** A letter only Vietnamese writes (tone marks, ă â đ ê ô ơ ư). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

async function chooseEnglish(page: Page) {
	await page.locator('html[data-started]').waitFor({ state: 'attached' }); // the in-app switch (an earlier tap posts the form instead)
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
	await expect(page.locator('summary', { hasText: 'I only know the old address (before 01/07/2025)' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Receive the activation code by' })).toBeVisible();
	expect(await page.locator('main').innerText()).not.toMatch(/Họ và tên|Mật khẩu|Tỉnh\/thành phố|Đăng ký/);
	// The old address loads when asked for, with its words; a suggested new commune fills the field.
	await page.locator('summary', { hasText: 'I only know the old address (before 01/07/2025)' }).click();
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

// The validators' messages are made in Vietnamese by the one form engine (page, worker, server)
// and shown in the chosen language: amounts in the English style, the form's own labels (the
// agency's wording) as they are.
test('in English, a form’s validation messages are English', async ({ page }) => {
	await page.goto('/signin');
	await chooseEnglish(page);
	await page.goto('/procedures/1.001193/apply');
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await page.getByLabel('Họ, chữ đệm, tên').fill('A'.repeat(10_000));
	await page.getByLabel('Ngày, tháng, năm sinh').fill('31/02/1990');
	await page.getByLabel('Số định danh cá nhân (số CCCD)').fill('001290012345');
	await page.getByRole('button', { name: 'Continue' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'things to fix' });
	await expect(summary).toContainText('characters (now 10,000)');
	await expect(summary).toContainText('31/02 is not a date in the calendar');
	await expect(page.locator('#f-requesterBirthDate-wrap')).toContainText('31/02 is not a date in the calendar');
	expect(await page.locator('main').innerText()).not.toMatch(/Tối đa|không có trong lịch|chỗ cần sửa|Chữ số thứ|Vui lòng|Hãy nhập|hãy soát lại/);
});

// An outbox entry the server refused keeps the server's Vietnamese words on the device; the
// outbox and the draft show them in English. (The refusal: a phone whose clock runs ahead, as
// in submit.spec (f).)
test('in English, a refused application’s reasons in the outbox and on the draft are English', async ({ page, context }) => {
	const DAY = 86_400_000;
	await context.addInitScript((offset) => {
		const RealDate = Date;
		class PhoneDate extends RealDate {
			constructor(...args: unknown[]) {
				if (args.length) super(...(args as [number]));
				else super(RealDate.now() + offset);
			}
			static now() {
				return RealDate.now() + offset;
			}
		}
		globalThis.Date = PhoneDate as DateConstructor;
	}, 400 * DAY);
	const soon = new Date(Date.now() + 7 * 3_600_000 + 30 * DAY);
	const pad = (n: number) => String(n).padStart(2, '0');
	const futureBirth = `${pad(soon.getUTCDate())}/${pad(soon.getUTCMonth() + 1)}/${soon.getUTCFullYear()}`;
	const futureId = `0012${String(soon.getUTCFullYear()).slice(2)}012345`;

	await signIn(page);
	await openCompleteDraft(page, 4 * 1024, { declarantBirthDate: futureBirth, declarantIdNumber: futureId });
	await chooseEnglish(page);
	await page.getByRole('button', { name: 'Send the application' }).click();
	await expect(page).toHaveURL(/\/outbox$/);
	const state = page.locator('main .state').filter({ hasText: 'Needs fixing' });
	await expect(state).toContainText(/has not come yet|things to fix/, { timeout: 30_000 });
	const outbox = await page.locator('main').innerText();
	expect(outbox).not.toMatch(/chưa tới|chưa hợp lệ|chỗ cần sửa|hãy soát lại|Hãy nhập|trở về trước/);

	await page.getByRole('link', { name: 'Open the application to fix it' }).click();
	const banner = page.getByTestId('refused');
	await expect(banner).toContainText('The application was not received.');
	await expect(page.getByRole('alert').filter({ hasText: /^\d+ things to fix/ })).toContainText(`${futureBirth} has not come yet`);
	expect(await page.locator('main').innerText()).not.toMatch(/chưa tới|chưa hợp lệ|chỗ cần sửa|hãy soát lại|trở về trước/);
	await banner.getByRole('button', { name: /^Step 1:/ }).click();
	await expect(page.locator('#f-declarantBirthDate-wrap')).toContainText(`${futureBirth} has not come yet`);
	expect(await page.locator('main').innerText()).not.toMatch(/chưa tới|chưa hợp lệ|chỗ cần sửa|hãy soát lại|trở về trước/);
});

// The language is kept in a cookie too, so pages the server renders come in English from the
// first byte (no Vietnamese before the scripts start), with <html lang="en">; prerendered pages
// (home, procedures) are built in Vietnamese and switch before they start.
test('in English, pages the server renders are English before any script runs', async ({ page, browser }) => {
	await page.goto('/signin');
	await chooseEnglish(page);
	const cookies = await page.context().cookies();
	expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');

	const noScript = await browser.newContext({ javaScriptEnabled: false });
	await noScript.addCookies(cookies.filter((c) => c.name === 'lang'));
	const plain = await noScript.newPage();
	for (const path of ['/signin', '/lookup']) {
		await plain.goto(path);
		await expect(plain.locator('html')).toHaveAttribute('lang', 'en');
		expect(await plain.locator('main').innerText(), path).not.toMatch(VIETNAMESE);
	}
	await plain.goto('/signin');
	await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	// The register page's province names are the official units' names: its own words are English.
	await plain.goto('/register');
	await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Register an account');
	expect(await plain.locator('main').innerText()).not.toMatch(/Họ và tên|Mật khẩu|Tỉnh\/thành phố|Đăng ký/);
	await noScript.close();

	// Back to Vietnamese: the cookie goes, the server renders Vietnamese again.
	await page.getByRole('button', { name: 'Tiếng Việt' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	expect((await page.context().cookies()).find((c) => c.name === 'lang')).toBeUndefined();
	const html = await (await page.request.get('/signin')).text();
	expect(html).toContain('<html lang="vi"');

	// A prerendered page in English: English once started, <html lang="en">.
	await page.getByRole('button', { name: 'English' }).click();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Procedures' }).first()).toBeVisible();
});

test('the language button works before any script runs, and that choice outranks the one kept on the device', async ({ page, browser }) => {
	// Issue 13: a tap before the scripts start is not lost. The button is a form (POST /language).
	const noScript = await browser.newContext({ javaScriptEnabled: false });
	const plain = await noScript.newPage();
	await plain.goto('/procedures?q=lam+cccd');
	const results = await plain.locator('main li').count();
	expect(results).toBeGreaterThan(0);
	await plain.getByRole('button', { name: 'English' }).click();
	// Back on the same page, its search kept, now in English.
	await expect(plain).toHaveURL(/\/procedures\?q=lam\+cccd$/);
	await expect(plain.locator('html')).toHaveAttribute('lang', 'en');
	await expect(plain.getByRole('link', { name: 'Procedures' }).first()).toBeVisible();
	expect(await plain.locator('main li').count()).toBe(results);
	await plain.getByRole('button', { name: 'Tiếng Việt' }).click();
	await expect(plain).toHaveURL(/\/procedures\?q=lam\+cccd$/);
	await expect(plain.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(plain.getByRole('button', { name: 'English' })).toBeVisible();
	await noScript.close();

	// With scripts: English chosen in the app (kept on the device), then Vietnamese chosen by an
	// early tap (the form, which only the cookie hears). The page that starts stays Vietnamese.
	await page.goto('/lookup');
	await chooseEnglish(page);
	expect(await page.evaluate(() => document.cookie)).toContain('lang=en');
	const posted = await page.request.post('/language', { form: { to: 'vi' }, headers: { origin: new URL(page.url()).origin, referer: page.url() }, maxRedirects: 0 });
	expect([posted.status(), posted.headers()['location']]).toEqual([303, '/lookup']);
	await page.reload();
	await page.locator('html[data-started]').waitFor({ state: 'attached' });
	await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tra cứu hồ sơ');
});

test('the language form posted before the scripts run goes through the worker: online to the server, with no signal kept by the worker', async ({ page, context }) => {
	await page.goto('/lookup');
	await page.locator('html[data-started]').waitFor({ state: 'attached' });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
	// The request an early tap makes: the form posted by the browser itself, no script handling it.
	const postLanguage = (to: string) =>
		page.evaluate((to) => {
			const form = Object.assign(document.createElement('form'), { method: 'post', action: '/language' });
			form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: 'to', value: to }));
			document.body.append(form);
			form.submit();
		}, to);
	const langCookie = async () => (await context.cookies()).find((c) => c.name === 'lang')?.value;

	// Online: the worker passes it to the server, which sets the cookie and sends the person back.
	await postLanguage('en');
	await expect(page).toHaveURL(/\/lookup$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Track a dossier');
	expect(await langCookie()).toBe('en');

	// No signal: the worker keeps the choice and sends the person back to the page (its offline
	// shell renders it), in Vietnamese now, not to the browser's error page.
	await page.locator('html[data-started]').waitFor({ state: 'attached' });
	await context.setOffline(true);
	await postLanguage('vi');
	await expect(page).toHaveURL(/\/lookup$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tra cứu hồ sơ');
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	// The worker wrote `lang=vi` over the server's `lang=en` (else the page would have started in
	// English); the started app then keeps Vietnamese on the device, where it needs no cookie.
	expect(await langCookie()).toBeUndefined();
	await context.setOffline(false);
});
