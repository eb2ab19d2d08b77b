import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decodeAgencyDirectory } from '../../src/lib/domain/agency-directory';
import { decodeCurrentUnits } from '../../src/lib/domain/units';
import { waitForServiceWorker } from './helpers/browser';

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

/** A complete "đăng ký tạm trú" draft at this address, with a small PDF, as the form pages leave it. */
async function seedDraft(page: Page, tempAddress: unknown): Promise<string> {
	return page.evaluate(async (tempAddress) => {
		const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => /^dvc-account-(?!guest$)/.test(n))!;
		const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${crypto.randomUUID()}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
		const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
		const file = { sha256, name: 'hop-dong-thue-nha.pdf', size: bytes.length, type: 'application/pdf' };
		const now = new Date().toISOString();
		const id = crypto.randomUUID();
		const answers = {
			declarantName: 'Nguyễn Văn Dân', declarantBirthDate: '15/05/1990', declarantSex: 'nam', declarantIdNumber: '001090012345',
			declarantPhone: '0912000001', tempAddress, tempMonths: '12', tempReason: 'di-lam', pledged: true, residenceProofFile: [file]
		};
		const draft = { id, procedureCode: '1.004194', procedureName: 'Đăng ký tạm trú', title: 'Đăng ký tạm trú', answers, autofilled: [], step: 99, createdAt: now, updatedAt: now, revision: 1, schemaVersion: 2 };
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['drafts', 'blobs'], 'readwrite');
			tx.objectStore('drafts').put(draft);
			tx.objectStore('blobs').put({ ...file, data: new Blob([bytes], { type: 'application/pdf' }), createdAt: now });
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
		return id;
	}, tempAddress);
}

async function dossierCodes(page: Page): Promise<string[]> {
	const res = await page.context().request.get('/api/dossiers');
	return ((await res.json()).dossiers as { code: string }[]).map((d) => d.code);
}

test('dossiers from six provinces, one an old address, each go to the police of its commune; the officer there holds it', async ({ page, context }) => {
	await signIn(page, DEMO);
	await waitForServiceWorker(page);
	await page.goto('/drafts');
	await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => /^dvc-account-(?!guest$)/.test(d.name ?? '')));

	for (const [i, { label, address }] of ADDRESSES.entries()) {
		const expected = police(address.communeCode);
		const offline = i === ADDRESSES.length - 1;
		const draftId = await seedDraft(page, address);
		// The last one with no signal: the directory fetched with the first draft is on the phone.
		if (offline) await context.setOffline(true);
		await page.goto(`/drafts/${draftId}`);
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
	await page.getByLabel('Số CCCD').fill('036186001234');
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
