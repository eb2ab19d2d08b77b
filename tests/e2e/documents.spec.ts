import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { a4PhotoBase64 } from './helpers/a4-photo';
import { waitSaved } from './helpers/browser';
import { fillBirthRegistrationUpToAttachments } from './helpers/birth-form';
import { act, officerOf } from './helpers/desk';
import { newPerson, register, type Person } from './helpers/accounts';
import { bytesReceivedFor, expectReceipt, openCompleteDraft, outboxEntry, serverDossiers, signIn, waitForControl } from './helpers/outbox';

// Issue 14 (device side): the document store ("Kho giấy tờ") in real Chromium — a photo
// through the file chooser compressed under the budget, photos assembled into one PDF, a
// stored paper attached to the birth registration offline and sent, bad files refused, and
// a second account on the same phone seeing nothing.

const BUDGET = 300 * 1024;
const OFFICER = { phone: '0912000002', password: 'can-bo-thu-nghiem-2025' };

interface StoredPaper {
	id: string;
	metadata: { typeId: string; holder: { kind: string; name?: string } };
	files: { sha256: string; name: string; type: string; size: number; pages: number }[];
	deletedAt?: string;
}

/** The signed-in account's stored papers, read straight from IndexedDB, with each file's bytes (base64) if asked. */
async function storedPapers(page: Page, withBytes = false): Promise<(StoredPaper & { bytes?: string[] })[]> {
	return page.evaluate(async (withBytes) => {
		const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => /^dvc-account-(?!guest$)/.test(n))!;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const all = (key: string) =>
			new Promise<unknown[]>((resolve) => {
				const req = db.transaction(key).objectStore(key).getAll();
				req.onsuccess = () => resolve(req.result);
			});
		const papers = (await all('documents')) as (StoredPaper & { bytes?: string[] })[];
		const blobs = new Map(((await all('blobs')) as { sha256: string; data: Blob }[]).map((b) => [b.sha256, b.data]));
		db.close();
		if (withBytes)
			for (const p of papers)
				p.bytes = await Promise.all(p.files.map(async (f) => {
					const bytes = new Uint8Array(await blobs.get(f.sha256)!.arrayBuffer());
					let s = '';
					for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
					return btoa(s);
				}));
		return papers;
	}, withBytes);
}

/**
 * Each test registers a citizen of its own: the demo citizen gathers verified papers from
 * every spec whose desk accepts a dossier, and this spec counts what a store holds.
 */
async function newCitizen(page: Page): Promise<Person> {
	const person = newPerson();
	await register(page, person);
	await waitForControl(page);
	return person;
}

async function photo(page: Page, seed: number, size: { width?: number; height?: number } = {}): Promise<Buffer> {
	return Buffer.from(await page.evaluate(a4PhotoBase64, { seed, ...size }), 'base64');
}

/** Opens "Thêm giấy tờ" and gives the chooser these files. */
async function pickFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByText('Chọn ảnh hoặc tệp PDF').click();
	await (await chooser).setFiles(files);
}

async function addPaper(page: Page, typeId: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	await page.goto('/documents/new');
	await pickFiles(page, files);
	await expect(page.getByTestId('size-change')).toHaveCount(files.length);
	await page.getByLabel('Loại giấy tờ').selectOption(typeId);
	await page.getByRole('button', { name: 'Lưu vào kho' }).click();
	await expect(page).toHaveURL(/\/documents\?added=/);
}

test('a 12 MP photo through the file chooser is compressed under 300 KB, listed with its validity, and opens', async ({ page }) => {
	await newCitizen(page);
	await page.goto('/documents');
	await expect(page.getByText('Kho chưa có giấy tờ nào.')).toBeVisible();
	await page.getByRole('link', { name: 'Thêm giấy tờ' }).click();
	const original = await photo(page, 1);
	console.log(`generated 4000×3000 photo: ${original.length} bytes`);
	expect(original.length).toBeGreaterThan(2 * 1024 * 1024);
	await pickFiles(page, [{ name: 'cccd-mat-truoc.jpg', mimeType: 'image/jpeg', buffer: original }]);
	// Size before → after, shown before saving.
	await expect(page.getByTestId('size-change')).toContainText(/MB → \d+(,\d)? KB/);
	await page.getByLabel('Loại giấy tờ').selectOption('can-cuoc');
	await page.getByLabel('Số giấy tờ').fill('001090012345');
	await page.getByLabel('Có giá trị đến').fill('15/05/2036');
	await page.getByRole('button', { name: 'Lưu vào kho' }).click();

	await expect(page).toHaveURL(/\/documents\?added=/);
	const item = page.getByTestId('paper');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Thẻ căn cước');
	await expect(item).toContainText('Số 001090012345');
	await expect(item).toContainText('Còn hiệu lực đến 15/05/2036');
	await expect(page.getByRole('heading', { name: 'Của tôi' })).toBeVisible();
	const [stored] = await storedPapers(page);
	console.log(`stored: ${stored.files[0].size} bytes (${stored.files[0].type})`);
	expect(stored.files[0]).toMatchObject({ type: 'image/jpeg', pages: 1, name: 'cccd-mat-truoc.jpg' });
	expect(stored.files[0].size).toBeLessThanOrEqual(BUDGET);
	expect(stored.files[0].size).toBeGreaterThan(20 * 1024); // still a legible photo, not a thumbnail

	await item.locator('a.title').click();
	const image = page.getByRole('img', { name: /Thẻ căn cước/ });
	await expect(image).toBeVisible();
	expect(await image.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight))).toBe(1600);

	// Rename, then delete and undo.
	await page.getByRole('button', { name: 'Sửa thông tin' }).click();
	await page.getByLabel('Tên gọi riêng').fill('CCCD của tôi');
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
	await expect(page.getByRole('heading', { name: 'CCCD của tôi' })).toBeVisible();
	await page.getByRole('link', { name: 'Về Kho giấy tờ' }).click();
	await page.getByRole('button', { name: 'Xoá khỏi kho CCCD của tôi' }).click();
	await expect(page.getByTestId('paper')).toHaveCount(0);
	await page.getByRole('button', { name: 'Hoàn tác' }).click();
	await expect(page.getByTestId('paper')).toContainText('CCCD của tôi');
});

test('two photos become one two-page PDF of a family member’s paper', async ({ page }) => {
	await newCitizen(page);
	await page.goto('/documents/new');
	const [a, b] = [await photo(page, 2), await photo(page, 3)];
	await pickFiles(page, [
		{ name: 'khai-sinh-trang-1.jpg', mimeType: 'image/jpeg', buffer: a },
		{ name: 'khai-sinh-trang-2.jpg', mimeType: 'image/jpeg', buffer: b }
	]);
	await expect(page.getByTestId('size-change')).toHaveCount(2);
	await expect(page.getByTestId('size-total')).toContainText('MB →');
	await expect(page.getByLabel('Ghép 2 ảnh thành một tệp PDF nhiều trang')).toBeChecked();
	await page.getByLabel('Loại giấy tờ').selectOption('giay-khai-sinh');
	await page.getByLabel('Của người thân').check();
	await page.getByRole('button', { name: 'Lưu vào kho' }).click();
	// The person's name and relation are needed for a family member's paper.
	await expect(page.getByRole('alert').filter({ hasText: 'chỗ cần sửa' })).toContainText('Họ tên người thân');
	await page.getByLabel('Họ tên người thân').fill('Lê Minh An');
	await page.getByLabel('Quan hệ với bạn').selectOption('con');
	await page.getByRole('button', { name: 'Lưu vào kho' }).click();

	await expect(page).toHaveURL(/\/documents\?added=/);
	await expect(page.getByRole('heading', { name: 'Lê Minh An (Con)' })).toBeVisible();
	const [stored] = await storedPapers(page, true);
	expect(stored.files).toHaveLength(1);
	expect(stored.files[0]).toMatchObject({ type: 'application/pdf', pages: 2 });
	expect(stored.files[0].size).toBeLessThanOrEqual(2 * BUDGET + 10 * 1024);
	const pdf = await PDFDocument.load(Buffer.from(stored.bytes![0], 'base64'));
	expect(pdf.getPageCount()).toBe(2);
	await page.getByTestId('paper').getByRole('link').first().click();
	await expect(page.getByRole('link', { name: 'Mở tệp PDF (2 trang)' })).toBeVisible();
});

test('bad files are refused in Vietnamese and nothing in the store changes', async ({ page }) => {
	await newCitizen(page);
	const tiny = await photo(page, 5, { width: 800, height: 600 });
	await addPaper(page, 'can-cuoc', [{ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: tiny }]);
	const before = await storedPapers(page);

	const good = await PDFDocument.create();
	good.addPage([200, 200]);
	const plain = Buffer.from(await good.save({ useObjectStreams: false })).toString('latin1');
	const encrypted = Buffer.from(plain.replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>'), 'latin1');
	const png20k = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from([0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 6, 0, 0, 0]), Buffer.alloc(64)]);
	const cases: [string, string, Buffer, RegExp][] = [
		['trong.jpg', 'image/jpeg', Buffer.alloc(0), /trống \(0 byte\)/],
		['giay-to.jpg', 'image/jpeg', Buffer.from('Đây là một tệp văn bản đổi tên thành .jpg'), /không phải ảnh \(JPG, PNG, WebP\) hay tệp PDF/],
		['hong.jpg', 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.alloc(4000, 0x5a)]), /bị hỏng, không mở được/],
		['khong-lo.png', 'image/png', png20k, /quá lớn \(quá nhiều điểm ảnh\)/],
		['mat-khau.pdf', 'application/pdf', encrypted, /có mật khẩu/],
		['hong.pdf', 'application/pdf', Buffer.from(`%PDF-1.4\n${'x'.repeat(300)}\n%%EOF\n`), /bị hỏng hoặc không đọc được/]
	];
	await page.goto('/documents/new');
	for (const [name, mimeType, buffer, message] of cases) {
		await pickFiles(page, [{ name, mimeType, buffer }]);
		await expect(page.getByRole('alert').filter({ hasText: name })).toContainText(message);
	}
	await expect(page.getByTestId('size-change')).toHaveCount(0);
	expect(await storedPapers(page)).toEqual(before);
});

test('a stored paper is attached to the birth registration with no signal, and the dossier sent with it', async ({ page, context }) => {
	await newCitizen(page);
	const certificate = await photo(page, 6);
	await addPaper(page, 'giay-chung-sinh', [{ name: 'giay-chung-sinh.jpg', mimeType: 'image/jpeg', buffer: certificate }]);
	const [paper] = await storedPapers(page);

	// The form up to its attachments, online.
	await page.goto('/procedures/1.001193/apply');
	await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
	const draftUrl = page.url();
	await fillBirthRegistrationUpToAttachments(page);
	await expect(page.getByLabel('Giấy chứng sinh')).toBeAttached();
	await waitSaved(page);

	// No signal: the store lists and opens its paper, and the form attaches it.
	await context.setOffline(true);
	await page.goto('/documents');
	await expect(page.getByTestId('paper')).toContainText('Giấy chứng sinh');
	await page.getByTestId('paper').getByRole('link').first().click();
	await expect(page.getByRole('img', { name: /Giấy chứng sinh/ })).toBeVisible();
	await page.goto(draftUrl);
	const picker = page.locator('details.store');
	await expect(picker).toContainText('Giấy tờ phù hợp trong kho');
	await picker.getByRole('button', { name: 'Đính kèm Giấy chứng sinh' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'giay-chung-sinh.jpg' })).toBeVisible();
	await expect(picker).toContainText('Đã đính kèm');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await page.getByLabel(/Tôi cam đoan/).check();
	await page.getByRole('button', { name: 'Kiểm tra lại hồ sơ' }).click();
	await expect(page.getByRole('heading', { name: 'Kiểm tra lại hồ sơ' })).toBeVisible();
	await expect(page.getByText('chỗ cần sửa')).toHaveCount(0);

	// Signal again: sent, and the server received exactly the stored paper's bytes.
	await context.setOffline(false);
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	await expect(page).toHaveURL(/\/outbox$/);
	const draftId = draftUrl.split('/').pop()!;
	await expectReceipt(page, draftId);
	const [entry] = (await outboxEntry(page, draftId)) as unknown as { manifest: { attachments: { slot: string; sha256: string; size: number }[] } }[];
	// Attached by reference: the same bytes, and the manifest says what the paper is.
	expect(entry.manifest.attachments).toMatchObject([{ slot: 'birthCertificateFile', sha256: paper.files[0].sha256, size: paper.files[0].size, document: { typeId: 'giay-chung-sinh', holder: { kind: 'self' } } }]);
	expect(await bytesReceivedFor(context, paper.files[0].sha256)).toBe(paper.files[0].size);
});

test('a paper the desk accepted is verified in the store, fetched once to a new phone, and fills the next dossier with no upload', async ({ page, context, browser }, testInfo) => {
	const baseURL = testInfo.project.use.baseURL!;
	const me = await newCitizen(page);
	const first = await openCompleteDraft(page, 30 * 1024);
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	const dossierId = await expectReceipt(page, first.draftId);
	const dossier = await (await context.request.get(`/api/dossiers/${dossierId}`)).json();
	const desk = await officerOf(browser, baseURL, dossier.manifest.agencyCode);
	await act(desk, dossierId, { action: 'accept', expectedStatus: 1 });

	// This phone sent the file: the store lists it as verified, and nothing is downloaded.
	const fileRequests: string[] = [];
	const watchFiles = (p: Page) => p.on('request', (r) => void (/\/api\/documents\/[^/]+\/file/.test(r.url()) && fileRequests.push(r.url())));
	watchFiles(page);
	await page.goto('/documents');
	const verified = page.getByTestId('paper').filter({ has: page.getByTestId('paper-state') });
	await expect(verified).toHaveCount(1);
	await expect(verified.getByTestId('paper-state')).toContainText('Đã được cơ quan xác nhận');
	await expect(verified.getByTestId('paper-state')).toContainText(dossier.code);
	await expect(verified.getByRole('button', { name: /Tải về máy/ })).toHaveCount(0);
	const [kept] = (await storedPapers(page)).filter((p) => p.files[0].sha256 === first.sha256);
	expect(kept).toBeTruthy();

	// A new phone: the paper is listed with its size, fetched once, checked, and opens with no signal.
	const other = await browser.newContext({ baseURL });
	const phone = await other.newPage();
	watchFiles(phone);
	await signIn(phone, me);
	await phone.goto('/documents');
	const remote = phone.getByTestId('paper').filter({ has: phone.getByTestId('paper-state') });
	await expect(remote.getByTestId('paper-state')).toContainText('Đã được cơ quan xác nhận');
	await remote.getByRole('button', { name: /^Tải về máy \(30 KB\)/ }).click();
	await expect(phone.getByRole('status')).toContainText('Đã tải');
	await expect(remote.getByRole('button', { name: /Tải về máy/ })).toHaveCount(0);
	expect(fileRequests).toHaveLength(1);
	const [fetched] = await storedPapers(phone, true);
	expect(fetched.files[0].sha256).toBe(first.sha256);
	expect(Buffer.from(fetched.bytes![0], 'base64').length).toBe(30 * 1024);
	await other.setOffline(true);
	await phone.goto(`/documents/${fetched.id}`);
	await expect(phone.getByRole('link', { name: /Mở tệp PDF/ })).toBeVisible();
	await other.close();

	// The next dossier: the slot says the agency already holds the paper; one tap, and the
	// upload sends no byte of it.
	const uploads: string[] = [];
	page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/uploads') && uploads.push(r.method())));
	const before = await bytesReceivedFor(context, first.sha256);
	const second = await openCompleteDraft(page, 1024, { residenceProofFile: [] });
	await page.getByRole('button', { name: 'Sửa Giấy tờ kèm theo' }).click();
	const held = page.getByTestId('held-slot');
	await expect(held).toContainText('Cơ quan đã có giấy tờ này');
	await expect(held).toContainText(dossier.code);
	await held.getByRole('button', { name: /^Dùng bản đã xác nhận/ }).click();
	await expect(held).toContainText('không cần tải lên');
	await page.getByRole('button', { name: 'Tiếp tục' }).click();
	await page.getByRole('button', { name: 'Kiểm tra lại hồ sơ' }).click();
	await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
	const secondId = await expectReceipt(page, second.draftId);
	const [entry] = (await outboxEntry(page, second.draftId)) as unknown as { manifest: { attachments: { slot: string; sha256: string }[] } }[];
	expect(entry.manifest.attachments).toMatchObject([{ slot: 'residenceProofFile', sha256: first.sha256 }]);
	expect(uploads).toEqual([]);
	expect(await bytesReceivedFor(context, first.sha256)).toBe(before);
	expect((await serverDossiers(context)).some((d) => d.id === secondId)).toBe(true);
	await desk.close();
});

test('a second account on the same phone sees nothing of the first one’s store', async ({ page }) => {
	await newCitizen(page);
	await addPaper(page, 'can-cuoc', [{ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 7, { width: 800, height: 600 }) }]);
	const [paper] = await storedPapers(page);

	await page.goto('/account');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/signin\?signedout=1/);
	await page.goto('/documents');
	await expect(page.getByText('Kho chưa có giấy tờ nào.')).toBeVisible();

	await page.goto('/signin');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(OFFICER.phone);
	await page.getByLabel('Mật khẩu').fill(OFFICER.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/signin/);
	await page.goto('/documents');
	await expect(page.getByText('Kho chưa có giấy tờ nào.')).toBeVisible();
	await page.goto(`/documents/${paper.id}`);
	await expect(page.getByRole('alert')).toContainText('Không tìm thấy giấy tờ này');
	await expect(page.getByRole('img')).toHaveCount(0);
});
