import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoViolations } from './helpers/desk';
import { BIRTH_REGISTRATION, expectReceipt, openCompleteDraft, signIn, TEMPORARY_RESIDENCE } from './helpers/outbox';

// Issue 11, the officer desk: a citizen on a phone sends a birth registration; the demo
// officer of the competent agency (UBND xã Sóc Sơn) finds it on the desk marked new,
// reads the declaration and the attachment, takes it through a supplement round to the result
// handed over; the officer of another agency never sees it; and two officers pressing at once
// apply one action, the other being told the current status.

/** The competent agency (the parents live in Sóc Sơn) and another one of the same commune. */
const AGENCY = { code: '001.11.30.H26', name: 'UBND xã Sóc Sơn, Hà Nội' };
const POLICE = { code: 'C01.11.30.H26', name: 'Công an xã Sóc Sơn, Hà Nội' };
const ADMIN = { idNumber: '001080000002', password: 'quan-tri-thu-nghiem-2025' };
const DESKTOP = { width: 1280, height: 800 };

interface DevAccount {
	role: string;
	fullName: string;
	identifier: string;
	password: string;
	agencyCode: string | null;
}

/** The demo officer of an agency, as /api/dev/accounts lists it (development only). */
async function demoOfficerOf(context: BrowserContext, agencyCode: string): Promise<DevAccount> {
	const accounts: DevAccount[] = await (await context.request.get('/api/dev/accounts')).json();
	const officer = accounts.find((a) => a.role === 'officer' && a.agencyCode === agencyCode);
	expect(officer, `a demo officer for ${agencyCode}`).toBeTruthy();
	return officer!;
}

async function deskOf(browser: Browser, identifier: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: DESKTOP });
	const page = await context.newPage();
	await page.goto('/signin');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(identifier);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => url.pathname === '/officer');
	return { context, page };
}

/** The citizen sends a birth registration from the phone; returns its id and code. */
async function sendBirthRegistration(page: Page): Promise<{ id: string; code: string }> {
	const seeded = await openCompleteDraft(page, 120 * 1024, {}, async () => {}, BIRTH_REGISTRATION);
	// The competent agency is chosen by the routing (the parents' residence).
	await expect(page.getByRole('group', { name: 'Cơ quan tiếp nhận hồ sơ' }).getByRole('radio', { name: new RegExp(`^${AGENCY.name}`) })).toBeChecked();
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	const id = await expectReceipt(page, seeded.draftId);
	const code = (await page.getByTestId('dossier-code').first().textContent())!.trim();
	return { id, code };
}

const action = (page: Page, name: string) => page.locator(`form[data-action="${name}"]`);

async function act(page: Page, name: string, label: string, status: string) {
	await action(page, name).getByRole('button', { name: label }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Đã ghi nhận' })).toContainText(status);
	await expect(page.getByTestId('dossier-status')).toHaveText(status);
}

test('the demo officer of the competent agency takes a birth registration from the inbox to the result handed over; another agency never sees it', async ({ page, context, browser }) => {
	test.setTimeout(180_000);
	await signIn(page);
	const { id, code } = await sendBirthRegistration(page);
	expect(code.startsWith(`${AGENCY.code}-`)).toBe(true);

	// /dev/accounts names the officer who has the dossier: the agency's demo officer, made at start.
	const officer = await demoOfficerOf(context, AGENCY.code);
	expect(officer.fullName).toBe(`Cán bộ ${AGENCY.name}`);
	const officerPage = await deskOf(browser, officer.identifier, officer.password);
	const desk = officerPage.page;
	await desk.goto('/dev/accounts');
	const recent = desk.getByRole('row').filter({ hasText: code });
	await expect(recent).toContainText(AGENCY.name);
	await expect(recent).toContainText(officer.identifier);

	// The inbox: marked new, counted, found by search.
	await desk.goto('/officer');
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Bàn làm việc một cửa');
	const row = desk.getByRole('row').filter({ hasText: code });
	await expect(row).toContainText('Mới đăng ký');
	await expect(row).toContainText('Thủ tục đăng ký khai sinh');
	await expect(row).toContainText('Nguyễn Văn Dân');
	await expect(desk.getByRole('link', { name: /^Mới đăng ký \(\d+\)$/ })).toBeVisible();
	await desk.getByLabel('Tìm theo mã hồ sơ, họ tên, số CCCD').fill('nguyen van dan');
	await desk.getByRole('button', { name: 'Tìm', exact: true }).click();
	await desk.waitForURL(/q=nguyen\+van\+dan/);
	await expect(desk.getByTestId('inbox-total')).toHaveText(/^[1-9]\d* hồ sơ$/);
	await expect(desk.getByRole('row').filter({ hasText: code })).toBeVisible();
	await desk.getByRole('link', { name: code }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toContainText(code);

	// The declaration as the form lays it out, and the attachment opened in the browser.
	const answers = desk.getByRole('region', { name: /Tờ khai/ });
	await expect(answers.getByRole('heading', { name: 'Người được khai sinh' })).toBeVisible();
	await expect(answers).toContainText('Nguyễn Minh Khôi');
	await expect(answers).toContainText('02/11/2026');
	await expect(answers).toContainText('Trần Thị Hoa');
	await expect(answers).toContainText('Sóc Sơn');
	const files = desk.getByRole('region', { name: 'Giấy tờ đính kèm' });
	await expect(files).toContainText('Giấy chứng sinh');
	const file = files.getByRole('link', { name: 'giay-chung-sinh.pdf' });
	const href = (await file.getAttribute('href'))!;
	const opened = await officerPage.context.request.get(href);
	expect([opened.status(), opened.headers()['content-type'], (await opened.body()).length]).toEqual([200, 'application/pdf', 120 * 1024]);
	expect(opened.headers()['content-disposition']).toMatch(/^inline/);

	// Only the actions of status 1 are offered.
	expect(await desk.locator('form[data-action]').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-action')))).toEqual(['accept', 'refuse']);
	await act(desk, 'accept', 'Tiếp nhận', 'Được tiếp nhận');
	await expect(desk.getByTestId('assignee')).toHaveText('Bạn đang giữ hồ sơ này.');
	await act(desk, 'start', 'Chuyển xử lý', 'Đang xử lý');

	const ask = action(desk, 'request-supplement');
	await ask.getByLabel('Giấy tờ còn thiếu (mỗi dòng một giấy tờ)').fill('Giấy chứng sinh bản rõ nét\n<b>Giấy đăng ký kết hôn</b>');
	await ask.getByLabel('Hướng dẫn cho người nộp').fill('Ảnh giấy chứng sinh bị mờ, hãy chụp lại cả trang.');
	await act(desk, 'request-supplement', 'Yêu cầu bổ sung', 'Yêu cầu bổ sung giấy tờ');
	// What the officer typed is shown as text, never as markup.
	const history = desk.getByRole('region', { name: 'Lịch sử xử lý' });
	await expect(history).toContainText('Giấy chứng sinh bản rõ nét; <b>Giấy đăng ký kết hôn</b>');
	await expect(history.locator('b')).toHaveCount(0);
	// While the citizen answers: stop, extend, or give the dossier back to the desk.
	expect(await desk.locator('form[data-action]').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-action')))).toEqual(['stop', 'extend', 'release']);

	// The citizen answers (their pages are another piece of work: through the API here).
	const supplement = await context.request.post(`/api/dossiers/${id}/actions`, {
		data: { requestId: crypto.randomUUID(), action: 'supplement', expectedStatus: 5, note: 'Đã chụp lại giấy chứng sinh.' }
	});
	expect(supplement.status()).toBe(200);
	await desk.reload();
	await expect(desk.getByTestId('dossier-status')).toHaveText('Đang xử lý');
	await expect(history).toContainText('Đã chụp lại giấy chứng sinh.');

	// Finishing a fully online procedure needs the result file.
	await action(desk, 'finish').getByRole('button', { name: 'Hoàn thành xử lý' }).click();
	await expect(action(desk, 'finish').getByRole('alert')).toContainText('hãy đính kèm tệp kết quả');
	await expect(desk.getByTestId('dossier-status')).toHaveText('Đang xử lý');
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
	await action(desk, 'finish').getByLabel('Tệp kết quả (PDF hoặc ảnh)').setInputFiles({ name: 'trich-luc-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
	await act(desk, 'finish', 'Hoàn thành xử lý', 'Đã xử lý xong');
	await expect(desk.getByRole('link', { name: 'trich-luc-khai-sinh.pdf' })).toBeVisible();
	await act(desk, 'return', 'Trả kết quả', 'Đã trả kết quả');
	await expect(desk.locator('form[data-action]')).toHaveCount(0);
	await expect(desk.getByText('Không còn thao tác nào cho hồ sơ ở trạng thái này.')).toBeVisible();

	// One event per step, in order, as the API tells it.
	const view = await (await officerPage.context.request.get(`/api/officer/dossiers/${id}`)).json();
	expect(view.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'start', 'request-supplement', 'supplement', 'finish', 'return']);

	// The officer of another agency (the commune's police) sees nothing of it.
	const police = await demoOfficerOf(context, POLICE.code);
	const other = await deskOf(browser, police.identifier, police.password);
	await expect(other.page.getByText(POLICE.name, { exact: true })).toBeVisible();
	await expect(other.page.getByRole('link', { name: code })).toHaveCount(0);
	await other.page.goto('/officer?status=10');
	await expect(other.page.getByRole('link', { name: code })).toHaveCount(0);
	await other.page.goto(`/officer?status=10&q=${encodeURIComponent(code)}`);
	await expect(other.page.getByTestId('inbox-total')).toHaveText('0 hồ sơ');
	expect((await other.page.goto(`/officer/dossiers/${id}`))!.status()).toBe(404);
	expect((await other.context.request.get(`/api/officer/dossiers/${id}`)).status()).toBe(404);
	expect((await other.context.request.get(href)).status()).toBe(404);
	await other.context.close();
	await officerPage.context.close();
});

test('two officers press "Tiếp nhận" on the same dossier at once: one applies it, the other sees the current status', async ({ page, context, browser }) => {
	test.setTimeout(180_000);
	await signIn(page);
	const { id, code } = await sendBirthRegistration(page);
	const officer = await demoOfficerOf(context, AGENCY.code);

	// A colleague at the same desk, made by the administrator.
	const admin = await deskOf(browser, ADMIN.idNumber, ADMIN.password);
	// The demo administrator belongs to no agency: its inbox is every agency's, read only.
	await expect(admin.page.getByTestId('across-agencies')).toBeVisible();
	await expect(admin.page.getByRole('row').filter({ hasText: code })).toContainText(AGENCY.name);
	await admin.page.goto(`/officer/dossiers/${id}`);
	await expect(admin.page.getByRole('heading', { level: 1 })).toContainText(code);
	await expect(admin.page.locator('form[data-action]')).toHaveCount(0);
	await admin.page.getByRole('banner').getByRole('link', { name: 'Tài khoản cán bộ' }).click();
	await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Tạo tài khoản cán bộ');
	await admin.page.goto('/admin/officers?province=01');
	await admin.page.locator('#f-agencyCode').selectOption(AGENCY.code);
	await admin.page.locator('input[name=fullName]').fill('Lê Văn Đồng Nghiệp');
	await admin.page.locator('input[name=idNumber]').fill('001186000777');
	await admin.page.locator('input[name=phone]').fill('0912000777');
	await admin.page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	const password = (await admin.page.getByRole('status').locator('code').textContent())!.trim();
	await admin.context.close();

	const first = await deskOf(browser, officer.identifier, officer.password);
	const second = await deskOf(browser, '001186000777', password);
	await first.page.goto(`/officer/dossiers/${id}`);
	await second.page.goto(`/officer/dossiers/${id}`);
	await expect(second.page.getByRole('heading', { level: 1 })).toContainText(code);
	const press = (p: Page) => action(p, 'accept').getByRole('button', { name: 'Tiếp nhận' }).click();
	await Promise.all([press(first.page), press(second.page)]);

	const outcome = async (p: Page) => {
		const done = p.getByRole('status').filter({ hasText: 'Đã ghi nhận' });
		const refused = p.getByRole('alert').filter({ hasText: 'Không thể' });
		await expect(done.or(refused)).toBeVisible();
		return (await done.count()) > 0 ? 'applied' : (await refused.textContent())!;
	};
	const results = [await outcome(first.page), await outcome(second.page)];
	expect(results.filter((r) => r === 'applied')).toHaveLength(1);
	const [refusal] = results.filter((r) => r !== 'applied');
	expect(refusal).toContain('Không thể tiếp nhận hồ sơ: hồ sơ đang ở trạng thái "Được tiếp nhận"');
	const loser = results[0] === 'applied' ? second : first;
	const winner = results[0] === 'applied' ? officer.fullName : 'Lê Văn Đồng Nghiệp';
	// The one who lost sees the dossier as it is now: received, held by the other, no actions for them.
	await expect(loser.page.getByTestId('dossier-status')).toHaveText('Được tiếp nhận');
	await expect(loser.page.getByTestId('assignee')).toHaveText(`Hồ sơ đang do ${winner} xử lý; chỉ người đó mới thao tác được.`);
	await expect(loser.page.locator('form[data-action]')).toHaveCount(0);

	const view = await (await first.context.request.get(`/api/officer/dossiers/${id}`)).json();
	expect(view.events.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
	await first.context.close();
	await second.context.close();
});

/** A dossier sent straight through the API (no attachment): the desk's pages are what is checked here. */
async function sendByApi(context: BrowserContext): Promise<{ id: string; code: string }> {
	const id = crypto.randomUUID();
	const manifest = {
		version: 1,
		procedureCode: '1.004194',
		answers: { ...TEMPORARY_RESIDENCE.answers },
		attachments: [],
		delivery: { method: 'online' },
		agencyCode: POLICE.code,
		submittedAt: new Date().toISOString()
	};
	const put = await context.request.put(`/api/dossiers/${id}`, { data: manifest });
	expect(put.status()).toBe(201);
	return { id, code: (await put.json()).code };
}

for (const mode of ['Tiếng Việt', 'English'] as const) {
	test(`axe: no WCAG 2.2 AA violation on the desk pages (${mode})`, async ({ page, context, browser }) => {
		test.setTimeout(180_000);
		await signIn(page);
		const { id } = await sendByApi(context);
		const officer = await demoOfficerOf(context, POLICE.code);
		const { context: deskContext, page: desk } = await deskOf(browser, officer.identifier, officer.password);
		if (mode === 'English') {
			await desk.getByRole('button', { name: 'English' }).click();
			await expect(desk.locator('html')).toHaveAttribute('lang', 'en');
			await expect(desk.getByRole('heading', { level: 1 })).toHaveText('One-stop desk');
		}
		// The staff header, not the citizen's menu: the inbox, the search, signing out.
		const en = mode === 'English';
		const header = desk.getByRole('banner');
		await expect(header.getByRole('link', { name: en ? 'Inbox' : 'Hồ sơ đến' })).toHaveAttribute('aria-current', 'page');
		await expect(header.getByRole('search').getByLabel(en ? 'Search by dossier code, full name, ID number' : 'Tìm theo mã hồ sơ, họ tên, số CCCD')).toBeVisible();
		await expect(header.getByRole('button', { name: en ? 'Sign out' : 'Đăng xuất' })).toBeVisible();
		for (const citizenLink of en ? ['Drafts', 'Sent', 'My documents'] : ['Hồ sơ đang soạn', 'Hồ sơ đã gửi', 'Kho giấy tờ']) await expect(desk.getByRole('link', { name: citizenLink })).toHaveCount(0);
		await expect(header.getByRole('link', { name: en ? 'Officer accounts' : 'Tài khoản cán bộ' })).toHaveCount(0); // an officer, not the administrator
		await expectNoViolations(desk, '/officer');
		await desk.goto('/officer?status=10&q=khong+co+ai');
		await expectNoViolations(desk, '/officer, empty search');
		await desk.goto(`/officer/dossiers/${id}`);
		await expectNoViolations(desk, 'a new dossier');
		for (const name of ['accept', 'start']) await action(desk, name).locator('button').click();
		await expect(desk.getByTestId('dossier-status')).toHaveText(mode === 'English' ? 'Being processed' : 'Đang xử lý');
		await expectNoViolations(desk, 'a dossier being processed, with its history');
		// Finishing without the result file: the refusal inside the form.
		await action(desk, 'finish').locator('button').click();
		await expect(action(desk, 'finish').getByRole('alert')).toBeVisible();
		await expectNoViolations(desk, 'a refused action');
		await desk.goto('/dev/accounts');
		await expectNoViolations(desk, '/dev/accounts');
		await deskContext.close();
	});
}

test('keyboard only: search the inbox, open the dossier, accept it and hear what happened', async ({ page, context, browser }) => {
	test.setTimeout(120_000);
	await signIn(page);
	const { code } = await sendByApi(context);
	const officer = await demoOfficerOf(context, POLICE.code);
	const { context: deskContext, page: desk } = await deskOf(browser, officer.identifier, officer.password);
	/** Presses Tab until `target` has the focus (at most 80 times). */
	const tabTo = async (target: ReturnType<Page['locator']>) => {
		for (let i = 0; i < 80; i++) {
			await desk.keyboard.press('Tab');
			if (await target.evaluate((el) => el === document.activeElement)) return;
		}
		throw new Error(`Tab never reached ${target}`);
	};
	await tabTo(desk.getByLabel('Tìm theo mã hồ sơ, họ tên, số CCCD'));
	await desk.keyboard.type(code);
	await desk.keyboard.press('Enter');
	await desk.waitForURL(/[?&]q=/);
	await tabTo(desk.getByRole('link', { name: code }));
	await desk.keyboard.press('Enter');
	await expect(desk.getByRole('heading', { level: 1 })).toContainText(code);

	await tabTo(action(desk, 'accept').locator('button'));
	await desk.keyboard.press('Enter');
	await expect(desk.getByTestId('dossier-status')).toHaveText('Được tiếp nhận');
	await expect(desk.getByRole('status').filter({ hasText: 'Đã ghi nhận' })).toBeFocused();
	await tabTo(action(desk, 'start').locator('button'));
	await desk.keyboard.press('Space');
	await expect(desk.getByTestId('dossier-status')).toHaveText('Đang xử lý');

	// A refusal lands the focus on its message, inside the form that needs fixing.
	await tabTo(action(desk, 'finish').locator('button'));
	await desk.keyboard.press('Enter');
	await expect(action(desk, 'finish').getByRole('alert')).toBeFocused();
	await desk.keyboard.press('Tab');
	await expect(action(desk, 'finish').getByLabel('Tệp kết quả (PDF hoặc ảnh)')).toBeFocused();
	await deskContext.close();
});
