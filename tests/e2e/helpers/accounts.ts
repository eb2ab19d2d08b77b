import { expect, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { fillAddress } from './browser';

// Registering a citizen through the real pages: the form, the code from the development
// mailbox, activation. Used by the accounts journeys and by specs that need an account of
// their own (the demo citizen gathers papers and dossiers from every other spec).

export interface Person {
	fullName: string;
	idNumber: string;
	dateOfBirth: string;
	sex: 'Nam' | 'Nữ';
	phone: string;
	password: string;
}

/** The newest 6-digit code the development mailbox holds for this phone. */
export async function codeFromMailbox(page: Page, phone: string): Promise<string> {
	await page.goto('/dev/mailbox');
	const message = page.locator('ol.messages li').filter({ hasText: phone.replace(/\s/g, '') }).first();
	const text = await message.textContent();
	const code = text?.match(/\b(\d{6})\b/)?.[1];
	expect(code, `a 6-digit code in: ${text}`).toBeTruthy();
	return code!;
}

/** Registers and activates `p`; the page ends on /account, signed in as them. */
export async function register(page: Page, p: Person) {
	await page.goto('/register');
	await page.getByLabel('Họ và tên').fill(p.fullName);
	await page.getByLabel('Số CCCD (số định danh cá nhân)').fill(p.idNumber);
	await page.getByLabel('Ngày sinh').fill(p.dateOfBirth);
	await page.getByLabel(p.sex, { exact: true }).check();
	await page.getByLabel('Số điện thoại di động').fill(p.phone);
	await fillAddress(page, 'Địa chỉ thường trú', '01', 'Số 8, ngõ 3, phố Huế');
	await page.getByLabel('Mật khẩu').fill(p.password);
	await page.getByLabel('Tin nhắn SMS').check();
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page).toHaveURL(/\/register\/verify/);
	await expect(page.getByText('Chúng tôi đã gửi mã')).toBeVisible();
	const verifyUrl = page.url();
	const code = await codeFromMailbox(page, p.phone);
	await page.goto(verifyUrl);
	await page.getByLabel('Mã xác nhận').fill(code);
	await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click();
	await expect(page).toHaveURL(/\/account\?welcome=1/);
	await expect(page.getByText(`Bạn đã đăng nhập với tên ${p.fullName}`)).toBeVisible();
}

/**
 * A citizen nobody else uses: a man born in 1990 in Hà Nội (the ID number's province,
 * century-and-sex digit and year agree with the details), with a random serial and phone.
 */
export function newPerson(): Person {
	const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
	return { fullName: 'Phạm Văn Kho', idNumber: `001090${digits(6)}`, dateOfBirth: '15/05/1990', sex: 'Nam', phone: `098${digits(7)}`, password: 'kho-giay-to-rieng-2025' };
}
