import { expect, test, type Page } from '@playwright/test';
import { register, type Person } from './helpers/accounts';
import { waitForServiceWorker, waitSaved } from './helpers/browser';

// Issue "Accounts": register → code from the development mailbox → signed in → edit the
// profile; one phone shared by two people; an officer reaching the officer area.

const LAN: Person = { fullName: 'Hoàng Thị Lan', idNumber: '001190005678', dateOfBirth: '20/07/1990', sex: 'Nữ', phone: '0987 654 321', password: 'mua-xuan-tren-nui-cao' };
const BINH: Person = { fullName: 'Đỗ Văn Bình', idNumber: '036095004321', dateOfBirth: '03/03/1995', sex: 'Nam', phone: '0981 000 111', password: 'con-duong-lang-que' };
// Seeded in development (src/lib/server/accounts/demo.ts) and printed on the console.
const DEMO_CITIZEN = { idNumber: '001090012345', password: 'dan-thu-nghiem-2025', fullName: 'Nguyễn Văn Dân' };
const DEMO_OFFICER = { phone: '0912000002', password: 'can-bo-thu-nghiem-2025' };

async function signIn(page: Page, identifier: string, password: string) {
	await page.goto('/signin');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(identifier);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/signin/);
}

async function signOut(page: Page) {
	await page.goto('/account');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/signin\?signedout=1/);
	await expect(page.getByText('Bạn đã đăng xuất')).toBeVisible();
}

test('register with real-looking details, read the code in the mailbox, then edit the profile', async ({ page }) => {
	// A refused first try: the summary at the top names each field to fix.
	await page.goto('/register');
	await page.getByLabel('Số CCCD (số định danh cá nhân)').fill('12345');
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'chỗ cần sửa' });
	await expect(summary).toContainText('Họ và tên');
	await expect(summary).toContainText('Số CCCD');

	await register(page, LAN);
	await expect(page.locator('#f-idNumber')).toHaveValue(LAN.idNumber);
	await page.getByLabel('E-mail (không bắt buộc)').fill('lan.hoang@example.vn');
	await page.getByRole('button', { name: 'Lưu thông tin', exact: true }).click();
	await expect(page.getByText('Đã lưu thông tin tài khoản.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('E-mail (không bắt buộc)')).toHaveValue('lan.hoang@example.vn');

	// Wrong password after signing out: one message that reveals nothing.
	await signOut(page);
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(LAN.idNumber);
	await page.getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toContainText('Sai thông tin đăng nhập');
});

test('one phone, two people: B sees nothing of A; A finds the draft again, also offline', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);

	// A signs in and starts a birth declaration.
	await signIn(page, DEMO_CITIZEN.idNumber, DEMO_CITIZEN.password);
	await page.goto('/procedures/1.001193/apply');
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	const draftUrl = page.url();
	await page.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Văn Dân');
	await waitSaved(page);
	await page.goto('/drafts');
	await expect(page.locator('ul.drafts li')).toHaveCount(1);

	// A signs out; the guest space is empty.
	await signOut(page);
	await page.goto('/drafts');
	await expect(page.getByText('Chưa có hồ sơ nào đang soạn.')).toBeVisible();

	// B registers on the same browser profile and sees no trace of A.
	await register(page, BINH);
	await page.goto('/drafts');
	await expect(page.getByText('Chưa có hồ sơ nào đang soạn.')).toBeVisible();
	// Even A's draft address opens nothing for B.
	await page.goto(draftUrl);
	await expect(page.getByText('Không tìm thấy hồ sơ này trên máy')).toBeVisible();
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveCount(0);
	await signOut(page);

	// A picks their account in the header's list and signs back in.
	await page.getByText('Khách', { exact: true }).click();
	const list = page.getByRole('listitem').filter({ hasText: DEMO_CITIZEN.fullName });
	await list.getByRole('button').click();
	await expect(page).toHaveURL(/\/signin\?account=/);
	// The form says whose account it is, masked: the full number is not kept on the device.
	await expect(page.getByTestId('chosen-account')).toContainText('0010••••••45');
	await expect(page.getByLabel('Số CCCD hoặc số điện thoại')).toHaveValue('');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(DEMO_CITIZEN.idNumber);
	await page.getByLabel('Mật khẩu').fill(DEMO_CITIZEN.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/signin/);
	await page.goto('/drafts');
	await expect(page.locator('ul.drafts li')).toHaveCount(1);
	await expect(page.locator('ul.drafts li')).toContainText('Thủ tục đăng ký khai sinh');

	// No signal: A keeps working on the draft.
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('ul.drafts li')).toHaveCount(1);
	await page.locator('ul.drafts li').getByRole('link', { name: 'Tiếp tục' }).click();
	await expect(page).toHaveURL(draftUrl);
	await expect(page.getByLabel('Họ, chữ đệm, tên')).toHaveValue('Nguyễn Văn Dân');
	await page.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Văn Dân Em');
	await waitSaved(page);

	// The account page needs the server: offline it says so and leads back to what works.
	await page.getByRole('link', { name: 'Tài khoản' }).click();
	await expect(page.getByRole('heading', { name: 'Trang này cần có mạng' })).toBeVisible();
	await page.getByRole('link', { name: 'Soạn tiếp hồ sơ đang soạn' }).click();
	await expect(page.locator('ul.drafts li')).toHaveCount(1);
	await context.setOffline(false);
});

test('the demo officer signs in and reaches the officer area; a citizen is refused', async ({ page }) => {
	await signIn(page, DEMO_CITIZEN.idNumber, DEMO_CITIZEN.password);
	const refused = await page.goto('/officer');
	expect(refused?.status()).toBe(403);
	await signOut(page);

	await signIn(page, DEMO_OFFICER.phone, DEMO_OFFICER.password);
	await expect(page).toHaveURL(/\/officer$/);
	await expect(page.getByRole('heading', { name: 'Bàn làm việc một cửa' })).toBeVisible();
	// The demo officer's desk is the demo citizen's ward, where the demo journeys send.
	await expect(page.getByText('UBND phường Ba Đình, Hà Nội')).toBeVisible();
});

test('a PIN locks the account space in a new tab; five wrong PINs make it wait; the password opens it', async ({ page, context }) => {
	await signIn(page, DEMO_CITIZEN.idNumber, DEMO_CITIZEN.password);
	await page.goto('/account');
	await page.getByLabel('Đặt mã PIN').fill('2468');
	await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
	await expect(page.getByText('Đã đặt mã PIN.')).toBeVisible();

	// Someone else picks up the phone and opens the app in a new tab.
	const tab = await context.newPage();
	await tab.goto('/drafts');
	const dialog = tab.getByRole('dialog', { name: /Nhập mã PIN/ });
	await expect(dialog).toBeVisible();
	await expect(tab.getByText('Chưa có hồ sơ nào đang soạn.')).toHaveCount(0);
	for (let i = 1; i <= 4; i++) {
		await dialog.getByLabel('Mã PIN (4–6 chữ số)').fill('1111');
		await dialog.getByRole('button', { name: 'Mở' }).click();
		await expect(dialog.getByRole('alert')).toContainText(`Còn ${5 - i} lần thử`);
	}
	await dialog.getByLabel('Mã PIN (4–6 chữ số)').fill('1111');
	await dialog.getByRole('button', { name: 'Mở' }).click();
	await expect(dialog.getByRole('alert')).toContainText(/quá nhiều lần\. Hãy thử lại sau \d{2}:\d{2}/);
	// Even the right PIN waits now.
	await dialog.getByLabel('Mã PIN (4–6 chữ số)').fill('2468');
	await dialog.getByRole('button', { name: 'Mở' }).click();
	await expect(dialog.getByRole('alert')).toContainText('quá nhiều lần');

	// The owner uses their password instead.
	await dialog.getByRole('button', { name: 'Dùng mật khẩu' }).click();
	await expect(tab).toHaveURL(/\/signin\?account=/);
	// Whose account it is, masked; the full number is typed again (it is not kept on the device).
	await expect(tab.getByTestId('chosen-account')).toContainText('0010••••••45');
	await tab.getByLabel('Số CCCD hoặc số điện thoại').fill(DEMO_CITIZEN.idNumber);
	await tab.getByLabel('Mật khẩu').fill(DEMO_CITIZEN.password);
	await tab.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(tab).not.toHaveURL(/\/signin/);
	await tab.goto('/drafts');
	await expect(tab.getByRole('heading', { name: 'Hồ sơ đang soạn' })).toBeVisible();
	await expect(tab.getByRole('dialog')).toHaveCount(0);
});

test('"Xoá dữ liệu trên thiết bị này" removes the account\'s drafts and its entry on the device, and signs out', async ({ page }) => {
	await signIn(page, BINH.idNumber, BINH.password);
	// A tap before the scripts started posts the form natively, and the device takes the account
	// at the next page's start: wait for it (the header names the person), or the form opened
	// next could be written in the guest space, which this wipe does not touch.
	await expect(page.locator('header summary').filter({ hasText: BINH.fullName })).toBeVisible();
	await page.goto('/procedures/1.001193/apply');
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	await page.getByLabel('Họ, chữ đệm, tên').fill('Đỗ Văn Bình');
	await waitSaved(page);

	await page.goto('/account');
	await page.getByRole('button', { name: 'Xoá dữ liệu trên thiết bị này' }).click();
	await page.getByRole('button', { name: 'Xoá hẳn' }).click();
	await expect(page).toHaveURL(/\/signin\?signedout=1/);
	await page.getByText('Khách', { exact: true }).click();
	await expect(page.getByRole('button', { name: new RegExp(BINH.fullName) })).toHaveCount(0);

	await signIn(page, BINH.idNumber, BINH.password);
	await page.goto('/drafts');
	await expect(page.getByText('Chưa có hồ sơ nào đang soạn.')).toBeVisible();
});

test('when the session ends elsewhere, the drafts stay and the space is marked "sign in again to send"', async ({ page, browser }) => {
	await signIn(page, DEMO_CITIZEN.idNumber, DEMO_CITIZEN.password);
	await page.goto('/procedures/1.001193/apply');
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	await page.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Văn Dân');
	await waitSaved(page);

	// On another device the same person signs out everywhere.
	const laptop = await browser.newContext();
	const other = await laptop.newPage();
	await signIn(other, DEMO_CITIZEN.idNumber, DEMO_CITIZEN.password);
	await other.goto('/signout');
	await other.getByLabel('Đăng xuất khỏi mọi thiết bị').check();
	await other.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(other).toHaveURL(/signedout=all/);
	await laptop.close();

	await page.goto('/drafts');
	await expect(page.getByText('Phiên đăng nhập đã kết thúc.')).toBeVisible();
	await expect(page.locator('ul.drafts li').first()).toBeVisible();
	await page.getByRole('link', { name: 'đăng nhập lại' }).click();
	// The form says whose account it is, masked: the full number is not kept on the device.
	await expect(page.getByTestId('chosen-account')).toContainText('0010••••••45');
	await expect(page.getByLabel('Số CCCD hoặc số điện thoại')).toHaveValue('');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(DEMO_CITIZEN.idNumber);
	await page.getByLabel('Mật khẩu').fill(DEMO_CITIZEN.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/signin/);
	await expect(page.getByText('Phiên đăng nhập đã kết thúc.')).toHaveCount(0);
});
