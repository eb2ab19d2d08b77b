import { expect, type BrowserContext, type Page } from '@playwright/test';
import { waitForServiceWorker as waitForControl } from './browser';

// Sending a dossier in real Chromium: the demo citizen, a complete draft seeded on the
// device, and what the device and the server hold afterwards.

export const DEMO = { idNumber: '001090012345', password: 'dan-thu-nghiem-2025' };
export const MiB = 1024 * 1024;

/** Signs in (the demo citizen unless told) and waits until the service worker controls the page. */
export async function signIn(page: Page, who: { idNumber: string; password: string } = DEMO) {
	await page.goto('/signin');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(who.idNumber);
	await page.getByLabel('Mật khẩu').fill(who.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await waitForControl(page);
}

/** The service worker is ready and controls the page (it queues and sends dossiers). */
export { waitForControl };

/** A complete draft of one procedure, as the form pages would leave it; the PDF goes in `fileField`. */
export interface DraftForm {
	procedureCode: string;
	procedureName: string;
	fileField: string;
	fileName: string;
	answers: Record<string, unknown>;
}

/** "Đăng ký tạm trú" at Sóc Sơn (Hà Nội): goes to Công an xã Sóc Sơn. */
export const TEMPORARY_RESIDENCE: DraftForm = {
	procedureCode: '1.004194',
	procedureName: 'Đăng ký tạm trú',
	fileField: 'residenceProofFile',
	fileName: 'hop-dong-thue-nha.pdf',
	answers: {
		declarantName: 'Nguyễn Văn Dân',
		declarantBirthDate: '15/05/1990',
		declarantSex: 'nam',
		declarantIdNumber: '001090012345',
		declarantPhone: '0912000001',
		tempAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' },
		tempMonths: '12',
		tempReason: 'di-lam',
		pledged: true
	}
};

/** "Đăng ký khai sinh" by the father, the parents living in Sóc Sơn (Hà Nội): goes to UBND xã Sóc Sơn. */
export const BIRTH_REGISTRATION: DraftForm = {
	procedureCode: '1.001193',
	procedureName: 'Thủ tục đăng ký khai sinh',
	fileField: 'birthCertificateFile',
	fileName: 'giay-chung-sinh.pdf',
	answers: {
		requesterName: 'Nguyễn Văn Dân',
		requesterBirthDate: '15/05/1990',
		requesterIdNumber: '001090012345',
		requesterAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' },
		requesterPhone: '0912000001',
		relationship: 'cha',
		childName: 'Nguyễn Minh Khôi',
		childBirthDate: '02/11/2026',
		childSex: 'nam',
		childEthnicity: 'Kinh',
		childNationality: 'Việt Nam',
		childBirthPlace: { provinceCode: '01', communeCode: '00376' },
		childBirthFacility: 'Trung tâm Y tế Sóc Sơn',
		childHometown: 'Sóc Sơn, Hà Nội',
		motherName: 'Trần Thị Hoa',
		motherBirthYear: '1993',
		motherEthnicity: 'Kinh',
		motherNationality: 'Việt Nam',
		motherAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' },
		fatherName: 'Nguyễn Văn Dân',
		fatherBirthYear: '1990',
		fatherEthnicity: 'Kinh',
		fatherNationality: 'Việt Nam',
		fatherAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' },
		wantCopies: 'khong',
		pledged: true
	}
};

export interface Seeded {
	draftId: string;
	sha256: string;
	size: number;
}

/**
 * Puts a complete draft (by default "đăng ký tạm trú") with one PDF attachment of `size`
 * random bytes into the signed-in account's database, as the form pages would have left it,
 * and opens its review step. (Filling the form by hand is covered by the drafts tests.)
 */
export async function openCompleteDraft(
	page: Page,
	size: number,
	overrides: Record<string, unknown> = {},
	beforeOpen: () => Promise<void> = async () => {},
	form: DraftForm = TEMPORARY_RESIDENCE
): Promise<Seeded> {
	await page.goto('/drafts');
	await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => /^dvc-account-(?!guest$)/.test(d.name ?? '')));
	const seeded = await page.evaluate(async ({ size, overrides, form }) => {
		const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => /^dvc-account-(?!guest$)/.test(n))!;
		// A real PDF header and trailer around random bytes: passes the server's type sniffing,
		// and its hash is new, so the server has never seen it.
		const bytes = new Uint8Array(size);
		for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
		const head = new TextEncoder().encode('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
		const tail = new TextEncoder().encode('\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
		bytes.set(head, 0);
		bytes.set(tail, size - tail.length);
		const data = new Blob([bytes], { type: 'application/pdf' });
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
		const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
		const now = new Date().toISOString();
		const draftId = crypto.randomUUID();
		const file = { sha256, name: form.fileName, size, type: 'application/pdf' };
		const draft = {
			id: draftId,
			procedureCode: form.procedureCode,
			procedureName: form.procedureName,
			title: form.procedureName,
			answers: { ...form.answers, [form.fileField]: [file], ...overrides },
			autofilled: [],
			step: 99,
			createdAt: now,
			updatedAt: now,
			revision: 1,
			schemaVersion: 2
		};
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['drafts', 'blobs'], 'readwrite');
			tx.objectStore('drafts').put(draft);
			tx.objectStore('blobs').put({ ...file, data, createdAt: now });
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
		return { draftId, sha256, size };
	}, { size, overrides, form });
	await beforeOpen();
	await page.goto(`/drafts/${seeded.draftId}`);
	await expect(page.getByRole('heading', { name: 'Gửi hồ sơ' })).toBeVisible();
	return seeded;
}

/** The outbox entry of a draft as stored on the device (read straight from IndexedDB). */
export async function outboxEntry(page: Page, draftId: string) {
	return page.evaluate(async (draftId) => {
		const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => /^dvc-account-(?!guest$)/.test(n))!;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const all = await new Promise<{ id: string; draftId: string; state: string; progress: { bytesSent: number; total: number }[] }[]>((resolve) => {
			const req = db.transaction('outbox').objectStore('outbox').getAll();
			req.onsuccess = () => resolve(req.result);
		});
		db.close();
		return all.filter((e) => e.draftId === draftId);
	}, draftId);
}

export async function serverDossiers(context: BrowserContext): Promise<{ id: string; code: string }[]> {
	// A kept-alive socket the server closes just as a poll reuses it resets (ECONNRESET): ask again once.
	const res = await context.request.get('/api/dossiers').catch(() => context.request.get('/api/dossiers'));
	expect(res.status()).toBe(200);
	return (await res.json()).dossiers;
}

export async function bytesReceivedFor(context: BrowserContext, sha256: string): Promise<number> {
	const stats = await (await context.request.get('/api/dev/upload-stats')).json();
	return (stats.uploads as { sha256: string; bytesReceived: number }[]).filter((u) => u.sha256 === sha256).reduce((s, u) => s + u.bytesReceived, 0);
}


/** On the outbox the submit panel went to, waits until the draft's entry is received; returns the dossier id. */
export async function expectReceipt(page: Page, draftId: string) {
	// The submit panel goes to "Hồ sơ đã gửi" itself once the entry is stored: navigating there
	// first could unload the page before its outbox transaction committed.
	await expect(page).toHaveURL(/\/outbox$/, { timeout: 30_000 });
	await expect.poll(async () => (await outboxEntry(page, draftId))[0]?.state, { timeout: 60_000 }).toBe('received');
	const [entry] = await outboxEntry(page, draftId);
	const receipt = page.getByTestId('receipt').filter({ has: page.getByTestId('dossier-code') }).first();
	await expect(receipt).toBeVisible();
	return entry.id;
}
