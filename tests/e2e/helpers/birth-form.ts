import { expect, type Page } from '@playwright/test';
import { fillAddress } from './browser';

/**
 * "Đăng ký khai sinh" typed by hand as the mother, from the requester's step to the
 * attachments step (father and marriage certificate left out, two copies asked for): the
 * page is then on the step with "Giấy chứng sinh".
 */
export async function fillBirthRegistrationUpToAttachments(page: Page) {
	await page.getByLabel('Họ, chữ đệm, tên').fill('Trần Thị Bình');
	await page.getByLabel('Ngày, tháng, năm sinh').fill('02/09/1995');
	await page.getByLabel('Số định danh cá nhân (số CCCD)').fill('040195012345');
	await fillAddress(page, 'Nơi cư trú', '40', 'Xóm 3');
	await page.getByLabel('Số điện thoại liên hệ').fill('0987654321');
	await page.getByLabel('Mẹ', { exact: true }).check();
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	// The next step has fields of the same names: wait for it, or they would go into this one
	// (the step changes once the draft is written, which a busy machine may take a moment for).
	await expect(page.getByRole('heading', { name: 'Người được khai sinh' })).toBeVisible();

	await page.getByLabel('Họ, chữ đệm, tên').fill('Lê Minh Anh');
	await page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh', exact: true }).fill('01/11/2026');
	await page.getByLabel('Nữ', { exact: true }).check();
	await page.getByLabel('Dân tộc').selectOption('Kinh');
	await page.getByLabel('Quốc tịch').fill('Việt Nam');
	await fillAddress(page, 'Nơi sinh', '40');
	await page.getByLabel('Quê quán').fill('Nghệ An');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toContainText('Thông tin về mẹ');
	await page.getByLabel('Họ, chữ đệm, tên').fill('Trần Thị Bình');
	await page.getByLabel('Năm sinh').fill('1995');
	await page.getByLabel('Dân tộc').selectOption('Kinh');
	await page.getByLabel('Quốc tịch').fill('Việt Nam');
	await fillAddress(page, 'Nơi cư trú', '40', 'Xóm 3');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await page.getByRole('button', { name: 'Tiếp tục' }).click(); // father: optional
	await page.getByRole('button', { name: 'Tiếp tục' }).click(); // marriage certificate: optional
	await page.getByLabel('Có', { exact: true }).check();
	await page.getByLabel('Số bản sao').fill('2');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
}
