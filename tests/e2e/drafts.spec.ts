import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillAddress, launchProfile, waitForServiceWorker, waitSaved } from './helpers/browser';
import { fillBirthRegistrationUpToAttachments } from './helpers/birth-form';
import { pdfText } from './helpers/pdf';
import { firstVisitScriptBytes } from './helpers/bundle';

// Issue "E-forms and drafts that survive anything".

// A tiny valid PNG (1×1), standing in for a photo of the birth certificate.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('birth form across two sittings with the network off in between, then the browser restarted offline', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'dvc-profile-'));
	let ctx = await launchProfile(dir);
	let page = await ctx.newPage();
	await page.goto('/procedures/1.001193');
	await waitForServiceWorker(page);
	await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	const draftUrl = page.url();
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await expect(page.getByText(/^Bước 1\/\d+$/)).toBeVisible();

	// Sitting 1, online: half of the requester's details, one of them wrong.
	await page.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Văn An');
	await page.getByLabel('Ngày, tháng, năm sinh').fill('15/03/1990');
	await page.getByLabel('Số định danh cá nhân (số CCCD)').fill('00109001234a');
	await waitSaved(page);

	// Network off: keep filling; precise errors, nothing lost.
	await ctx.setOffline(true);
	await fillAddress(page, 'Nơi cư trú', '01', 'Số 5, ngõ 12, đường Kim Mã');
	await page.getByLabel('Số điện thoại liên hệ').fill('0123456789');
	await page.getByLabel('Cha', { exact: true }).check();
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'chỗ cần sửa' });
	await expect(summary).toContainText('Số định danh chỉ gồm chữ số');
	await expect(summary).toContainText('012');
	await page.getByLabel('Số định danh cá nhân (số CCCD)').fill('001090012345');
	await page.getByLabel('Số điện thoại liên hệ').fill('0912 345 678');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await expect(page.getByRole('heading', { name: 'Người được khai sinh' })).toBeVisible();
	await page.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Minh Khôi');
	await page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh', exact: true }).fill('05/10/2026');
	await expect(page.locator('output')).toContainText('năm hai nghìn không trăm hai mươi sáu');
	await waitSaved(page);
	await ctx.close();

	// The phone's browser is restarted with no signal.
	ctx = await launchProfile(dir, { offline: true });
	page = await ctx.newPage();
	await page.goto('/drafts');
	const item = page.locator('ul.drafts li').filter({ hasText: 'Thủ tục đăng ký khai sinh' });
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Đã điền');
	await item.getByRole('link', { name: 'Tiếp tục' }).click();
	await expect(page).toHaveURL(draftUrl);
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('Nguyễn Minh Khôi');
	await expect(page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh', exact: true })).toHaveValue('05/10/2026');
	await page.getByRole('button', { name: 'Quay lại' }).click();
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('Nguyễn Văn An');
	await expect(page.getByLabel('Số định danh cá nhân (số CCCD)')).toHaveValue('001090012345');
	await expect(page.getByLabel('Số nhà, đường/thôn, tổ')).toHaveValue('Số 5, ngõ 12, đường Kim Mã');
	await expect(page.getByLabel('Cha', { exact: true })).toBeChecked();
	// A reload of the draft's own address, still offline (a full page load of a nested path,
	// answered by the service worker's app shell).
	await page.reload();
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('Nguyễn Văn An');
	await ctx.close();
});

test('complete the birth form, print it, save the profile with consent, and the marriage form starts pre-filled', async ({ page }) => {
	await page.goto('/procedures/1.001193/apply');
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await fillBirthRegistrationUpToAttachments(page);
	await page.getByLabel('Giấy chứng sinh').setInputFiles({ name: 'giay-chung-sinh.png', mimeType: 'image/png', buffer: PNG });
	await expect(page.getByRole('listitem').filter({ hasText: 'giay-chung-sinh.png' })).toBeVisible();
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await page.getByLabel(/Tôi cam đoan/).check();
	await page.getByRole('button', { name: 'Kiểm tra lại hồ sơ' }).click();

	await expect(page.getByRole('heading', { name: 'Kiểm tra lại hồ sơ' })).toBeVisible();
	await expect(page.getByText('chỗ cần sửa')).toHaveCount(0);
	// "Check your answers": one line per step, "Gửi hồ sơ" within reach at 360 px; a step opens to show its answers.
	await expect(page.locator('.review > li').filter({ hasText: 'Cam đoan' })).toContainText('Đã cam đoan');
	await page.locator('summary').filter({ hasText: 'Người được khai sinh' }).click();
	await expect(page.locator('dd').filter({ hasText: 'Ngày một, tháng mười một, năm hai nghìn không trăm hai mươi sáu' })).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Xem/In tờ khai (PDF)' }).click();
	const text = await pdfText(readFileSync((await (await download).path())!));
	expect(text).toContain('Lê Minh Anh');
	expect(text).toContain('Trần Thị Bình');

	await page.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(page.getByText('Hãy đánh dấu ô đồng ý')).toBeVisible();
	await page.getByLabel('Tôi đồng ý lưu thông tin cá nhân của tôi trên thiết bị này').check();
	await page.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(page.getByText('Đã lưu thông tin để điền tự động lần sau')).toBeVisible();

	await page.goto('/procedures/1.000894/apply');
	await expect(page.getByRole('heading', { name: 'Người nộp hồ sơ' })).toBeVisible();
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('Trần Thị Bình');
	await expect(page.getByLabel('Số định danh cá nhân (số CCCD)')).toHaveValue('040195012345');
	await expect(page.getByLabel('Số điện thoại liên hệ')).toHaveValue('0987654321');
	await expect(page.getByText('Đã điền sẵn từ thông tin của bạn').first()).toBeVisible();
});

test('the same draft in two tabs: an edit in one appears in the other, nothing is lost', async ({ context }) => {
	const a = await context.newPage();
	await a.goto('/procedures/2.000815/apply');
	await expect(a).toHaveURL(/\/drafts\//);
	const b = await context.newPage();
	await b.goto(a.url());
	const first = a.locator('input[type=text]').first();
	await first.fill('Phạm Văn Cường');
	await waitSaved(a);
	await expect(b.locator('input[type=text]').first()).toHaveValue('Phạm Văn Cường');
	await b.locator('input[type=text]').first().fill('Phạm Văn Cường Thịnh');
	await waitSaved(b);
	await expect(a.locator('input[type=text]').first()).toHaveValue('Phạm Văn Cường Thịnh');
	await a.reload();
	await expect(a.locator('input[type=text]').first()).toHaveValue('Phạm Văn Cường Thịnh');
});

test('bad values: a 10,000-character paste, 31/02, a CCCD contradicting the birth year — precise messages, text kept', async ({ page }) => {
	await page.goto('/procedures/1.001193/apply');
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await page.getByLabel('Họ, chữ đệm, tên').fill('A'.repeat(10_000));
	await page.getByLabel('Ngày, tháng, năm sinh').fill('31/02/1990');
	await page.getByLabel('Số định danh cá nhân (số CCCD)').fill('001290012345');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'chỗ cần sửa' });
	await expect(summary).toContainText('10.000');
	await expect(summary).toContainText('31/02');
	await waitSaved(page);
	await page.reload();
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('A'.repeat(10_000));
	await page.getByLabel('Ngày, tháng, năm sinh').fill('15/03/1990');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await expect(summary).toContainText('1990');
});

// The target is 90 KB; measured 124,842 B with the home page first (2026-12-06, after
// classic zod left the procedure page). Dexie (≈32 KB gzip, gone since stop 23), Svelte + SvelteKit (≈34 KB) and the
// zod core (≈16 KB) were most of it (bench/README.md). This guards against growth.
// 123 → 125 KiB with the document store (issue 14): main at caf7ebd 124,852 B in 34 files, with
// the store 126,984 B in 40: its three routes in the app's route table (+358 B) and the modules the
// form shares with the store's pages (drafts, blobs, storage, errors, the date field) now in chunks
// of their own; the store's own code and words load only with its pages and the attachment step.
// 125 → 131 KiB at stop 19: 133,486 B in 42 files on main at d13ba70 after the payments, the
// quota notice, the byte sniffing at pick time and the hardening landed together.
// 131 → 132 KiB: 134,215 B in 42 files after the one file sniffer (6b1b73e) and the one name
// rule (issue 12, defect 8: control and bidi characters refused in every text answer) landed.
// 132 → 125 KiB: attributed by source maps against caf7ebd, +4.7 KB of the +8.6 KB to stop 19 were
// the Vietnamese words of the desk, payments, dossiers and storage areas, which every page loaded
// (src/lib/i18n/vi/index.ts); the rest is new form code (address, dates, attachments: +1.9 KB),
// the route table (+0.5 KB) and chunk glue. Each area's words now load with its pages
// (src/lib/i18n/words.svelte.ts), and the attachment input with the first step that asks for files:
// main at a4aa224 133,791 B → 126,190 B in 42 files (126,700 B in 43 on b5d2853) (bench/README.md).
// 125 → 126 KiB at stop 20: 128,516 B in 44 files on main at ba4c5f7. Two changes landed together,
// each under the guard alone: the form, review and outbox words in their areas with English
// (words2, measured 127,526 B) and the wipe check at start (issue 16.3: client/db/holdings.ts
// in accountDb(), the marker compared on every start; ≈ 0.8 KB, the restore code loads only
// after a loss). Not trimmed before the session's end; the 90 KB goal stays unmet (issue 13).
// 126 → 125 KiB at stop 22: 128,974 B → 127,152 B, workbox-window replaced by the browser's own
// service worker API in the root layout (src/lib/client/sw-update.svelte.ts).
// 125 → 98 KiB (stop 23): 127,152 B → 99,418 B in 43 files, Dexie (≈ 31 KB gzip) replaced by the
// app's own layer over IndexedDB (src/lib/client/db/idb.ts, ≈ 3 KB).
// 98 → 97 KiB: the framework in one chunk (scripts/chunks.js): 98,369 B in 37 files (was 43).
// 97 → 87 KiB (stop 24): the form's own code in one file and what every page runs in another
// (scripts/chunks.js): 88,539 B in 11 files (was 98,369 B in 37), under the 90 KB.
// 87 → 84 KiB (stop 25): 84,131 B in 10 files. Built for Chrome 98, which the app already needed
// (Svelte's class fields no longer rewritten: −1.7 KB), the outbox code only on a device that has
// sent (−2 KB), the PIN check loaded with the first PIN typed, SvelteKit's `$app/forms` with the
// sign-in pages (bench/README.md).
test('JavaScript of the form page, with the home page before it, stays under 84 KB gzip', async ({ browser }) => {
	const { files, bytes } = await firstVisitScriptBytes(browser, async (page) => {
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		await page.goto('/procedures/1.001193/apply');
		await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	});
	console.log(`form page JS: ${files} files, ${bytes} bytes gzip`);
	expect(bytes).toBeLessThanOrEqual(84 * 1024);
});

// Issue 13's goal: ≤ 90 KB for the form with the procedure page before it, as a citizen reaches it
// from the catalogue (89,764 B in 15 files at stop 25). The procedure page's own code (its node,
// its words, the holiday calendar of the appointment estimate: ≈ 6 KB) counts too.
test('JavaScript of the form page, with the procedure page before it, stays under 90 KB gzip', async ({ browser }) => {
	const { files, bytes } = await firstVisitScriptBytes(browser, async (page) => {
		await page.goto('/procedures/1.001193');
		await page.waitForLoadState('networkidle');
		await page.locator('a[href$="/procedures/1.001193/apply"]').first().click();
		await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	});
	console.log(`form page JS after the procedure page: ${files} files, ${bytes} bytes gzip`);
	expect(bytes).toBeLessThanOrEqual(90_000);
});

test('a cold link to a form asks for its procedure once, named in the page\'s first answer', async ({ browser }) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const asked: string[] = [];
	page.on('request', (r) => new URL(r.url()).pathname === '/api/procedures/1.001193' && asked.push(r.url()));
	const answer = await page.goto('/procedures/1.001193/apply');
	const html = await answer!.text();
	expect(html).toContain('<link rel="preload" href="/api/procedures/1.001193" as="fetch"');
	expect(html).not.toContain('/api/account'); // no one is signed in: nothing of an account to ask for
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// The page's preload is the fetch the app makes (a second request would mean it was not used).
	expect(asked).toHaveLength(1);
	await context.close();
});

test('a signed-in person starts a form pre-filled from their own account details', async ({ page }) => {
	// The demo citizen seeded in development (src/lib/server/accounts, printed by npm start).
	await page.goto('/signin');
	await page.getByLabel(/Số CCCD hoặc số điện thoại/).fill('0912000001');
	await page.getByLabel(/Mật khẩu/).first().fill('dan-thu-nghiem-2025');
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
	await expect(page).not.toHaveURL(/\/signin/);
	const asked: string[] = [];
	page.on('request', (r) => new URL(r.url()).pathname === '/api/account' && asked.push(r.url()));
	const answer = await page.goto('/procedures/1.001193/apply');
	// Their details come in the page's first round of requests, as the procedure does (issue 13):
	// on 2G, asked for after the page's code has run, they were a round trip before the form.
	expect(await answer!.text()).toContain('<link rel="preload" href="/api/account" as="fetch"');
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('Nguyễn Văn Dân');
	await expect(page.getByLabel('Số định danh cá nhân (số CCCD)')).toHaveValue('001090012345');
	await expect(page.getByText('Đã điền sẵn từ thông tin của bạn').first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(asked).toHaveLength(1); // the preload is the fetch the page makes
});

// Issue 10: the commune select needed 83 arrow presses. Typing part of the name narrows the
// list (accents optional) and picks the commune when one is left; the select still works.
test('a commune among the province’s 126 found by typing part of its name', async ({ page }) => {
	await page.goto('/procedures/1.001193/apply');
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await page.getByLabel('Tỉnh/thành phố', { exact: true }).first().selectOption('01');
	const find = page.getByLabel('Tìm nhanh xã, phường theo tên').first();
	const commune = page.getByLabel('Xã/phường/đặc khu', { exact: true }).first();
	await expect(commune.locator('option')).toHaveCount(127);
	await find.focus();
	await page.keyboard.type('soc son');
	await expect(commune).toHaveValue('00376');
	await expect(page.getByRole('status').filter({ hasText: 'Đã chọn Xã Sóc Sơn.' })).toBeVisible();
	await page.keyboard.press('Enter'); // does not leave the step
	await expect(page.getByRole('heading', { name: 'Người yêu cầu' })).toBeVisible();
	await find.fill('phường');
	await expect(page.getByRole('status').filter({ hasText: /^\d+ xã\/phường khớp/ })).toBeVisible();
	const n = Number((await page.getByRole('status').filter({ hasText: /xã\/phường khớp/ }).textContent())!.trim().split(' ')[0]);
	// The matches, the chosen commune (a xã) kept, and the placeholder.
	await expect(commune.locator('option')).toHaveCount(n + 2);
	await expect(commune).toHaveValue('00376');
	await commune.selectOption({ label: 'Phường Ba Đình' });
	await expect(commune).toHaveValue('00004');
});
