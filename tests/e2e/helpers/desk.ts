import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

// The one-stop desk's side of a journey, driven through its API: the demo officer of a
// dossier's agency in a browser of their own (the desk's computer), and its actions.

/** The demo officer of the agency, signed in in a new browser context. */
export async function officerOf(browser: Browser, baseURL: string, agencyCode: string): Promise<BrowserContext> {
	const desk = await browser.newContext({ baseURL });
	const accounts = (await (await desk.request.get('/api/dev/accounts')).json()) as { role: string; identifier: string; password: string; agencyCode: string | null }[];
	const officer = accounts.find((a) => a.role === 'officer' && a.agencyCode === agencyCode);
	expect(officer, `a demo officer of ${agencyCode}`).toBeTruthy();
	const page = await desk.newPage();
	await page.goto('/signin');
	await page.getByLabel('Số CCCD hoặc số điện thoại').fill(officer!.identifier);
	await page.getByLabel('Mật khẩu').fill(officer!.password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await page.close();
	return desk;
}

/** One desk action (accept, start, request-payment, finish, return …), expected to succeed. */
export async function act(desk: BrowserContext, dossierId: string, body: Record<string, unknown>) {
	const response = await desk.request.post(`/api/officer/dossiers/${dossierId}/actions`, { data: { requestId: crypto.randomUUID(), ...body } });
	expect(response.status(), await response.text()).toBe(200);
	return response.json();
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe finds no WCAG 2.2 AA violation on the page as it is now. */
export async function expectNoViolations(page: Page, what: string) {
	await page.waitForLoadState('networkidle');
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
	const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
	expect(found, `axe on ${what}`).toEqual([]);
}
