import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decodeAgencyDirectory } from '../../src/lib/domain/agency-directory';
import { decodeCurrentUnits } from '../../src/lib/domain/units';
import { waitForServiceWorker } from './helpers/browser';
import { openCompleteDraft } from './helpers/outbox';

// Issue 10: a temporary-residence dossier goes to the police of the commune being registered,
// in any province — also when the person started from an old (pre-2025) address — the submit
// step says which agency and why, works with no signal once the directory is on the phone,
// and an officer of that agency is the one who holds it.

const DEMO = { idNumber: '001090012345', password: 'dan-thu-nghiem-2025' };
const ADMIN = { idNumber: '001080000002', password: 'quan-tri-thu-nghiem-2025' };
const data = (path: string) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const units = decodeCurrentUnits(data('units/current.json'));
const directory = decodeAgencyDirectory(data('agencies/directory.json'), units);
const police = (communeCode: string) => directory.byPlace.get(`cong-an-xa:${communeCode}`)!;

const ADDRESSES = [
	{ label: 'Hà Nội', address: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' } },
	// Written as before 01/07/2025: phường Trường Thi, thành phố Nam Định, tỉnh Nam Định → phường Trường Thi, Ninh Bình.
	{ label: 'Ninh Bình (old Nam Định address)', address: { provinceCode: '37', communeCode: '13777', street: 'Số 9 Trần Phú', legacy: { provinceCode: '36', districtCode: '356', communeCode: '13657' } } },
	{ label: 'Đà Nẵng', address: { provinceCode: '48', communeCode: '20194', street: 'Tổ 3' } },
	{ label: 'Khánh Hoà', address: { provinceCode: '56', communeCode: '22366', street: 'Số 12 Thái Nguyên' } },
	{ label: 'Hồ Chí Minh', address: { provinceCode: '79', communeCode: '25747', street: 'Số 4' } },
	{ label: 'Cần Thơ', address: { provinceCode: '92', communeCode: '31120', street: 'Số 7' } }
];

async function signIn(page: Page, who: { idNumber: string; password: string }) {
	await page.goto('/signin');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(who.idNumber);
	await page.getByLabel('Mật khẩu').fill(who.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

async function dossierCodes(page: Page): Promise<string[]> {
	const res = await page.context().request.get('/api/dossiers');
	return ((await res.json()).dossiers as { code: string }[]).map((d) => d.code);
}

test('dossiers from six provinces, one an old address, each go to the police of its commune; the officer there holds it', async ({ page, context }) => {
	await signIn(page, DEMO);
	await waitForServiceWorker(page);

	for (const [i, { label, address }] of ADDRESSES.entries()) {
		const expected = police(address.communeCode);
		const offline = i === ADDRESSES.length - 1;
		// The last one opened with no signal: the directory fetched with the first draft is on the phone.
		await openCompleteDraft(page, 4096, { tempAddress: address }, async () => {
			if (offline) await context.setOffline(true);
		});
		const choice = page.getByTestId('agency-choice');
		await expect(choice.getByRole('radio', { name: expected.name }), label).toBeChecked();
		await expect(choice).toContainText('Lý do: nơi đăng ký tạm trú');
		await expect(choice.getByRole('radio')).toHaveCount(1);
		await expect(page.getByTestId('agency-not-home')).toHaveCount(0);
		await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
		await expect(page).toHaveURL(/\/outbox$/);
		if (offline) await context.setOffline(false);
		await expect.poll(() => dossierCodes(page), { timeout: 60_000, message: label }).toContainEqual(expect.stringMatching(new RegExp(`^${expected.code.replaceAll('.', '\\.')}-`)));
	}
	expect(police('00376').code).toBe('C01.11.30.H26');
	expect(police('13777').name).toBe('Công an phường Trường Thi, Ninh Bình');

	// The administrator gives the police of phường Trường Thi an officer (agencies listed by province)…
	await context.clearCookies();
	await signIn(page, ADMIN);
	await page.goto('/admin/officers');
	await page.getByLabel('Tỉnh/thành phố của cơ quan').selectOption('37');
	await page.getByRole('button', { name: 'Xem các cơ quan' }).click();
	await page.locator('#f-agencyCode').selectOption(police('13777').code);
	await page.getByLabel('Họ và tên').fill('Đinh Thị Trường');
	await page.getByRole('textbox', { name: 'Số CCCD', exact: true }).fill('036186001234');
	await page.getByLabel('Số điện thoại di động').fill('0912777001');
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	const password = (await page.locator('.done code').textContent())!.trim();

	// …who signs in and works for the agency the Ninh Bình dossier was routed to.
	await context.clearCookies();
	await signIn(page, { idNumber: '0912777001', password });
	await page.goto('/officer');
	await expect(page.getByText(police('13777').name)).toBeVisible();
	const inbox = await (await context.request.get('/api/officer/dossiers')).json();
	expect(inbox.agency.code).toBe(police('13777').code);
	expect(inbox.dossiers).toContainEqual(expect.objectContaining({ code: expect.stringMatching(new RegExp(`^${police('13777').code.replaceAll('.', '\\.')}-`)) }));
});
