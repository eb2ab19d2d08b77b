/**
 * Access-control matrix over real HTTP against the production build: two citizens, an
 * officer (the seeded demo officer), and a signed-out visitor. Also SvelteKit's CSRF
 * origin check on the account forms.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '$lib/server/accounts';
import { openDatabase, type OpenDatabase } from '$lib/server/db';
import { latestCode, makeDeps, otherCode, registerActive } from '../helpers/accounts';
import { Browser, startBuiltServer, type BuiltServer } from './built-server';

let server: BuiltServer;
let database: OpenDatabase;
const demoCitizen = DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!;
const demoOfficer = DEMO_ACCOUNTS.find((a) => a.role === 'officer')!;
const other = { idNumber: '001190001234', phone: '0971234567', password: 'cay-lua-xanh-muot' };
let otherId: string;

beforeAll(async () => {
	server = await startBuiltServer();
	// The second citizen is made with the services, straight into the server's database.
	database = openDatabase({ database: { dialect: 'sqlite', filename: join(server.dataDir, 'app.sqlite') } });
	otherId = await registerActive(makeDeps(database.db));
}, 60_000);
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

async function signedIn(identifier: string, password: string): Promise<Browser> {
	const browser = new Browser(server.origin);
	const response = await browser.postForm('/signin', { identifier, password });
	expect(response.status).toBe(303);
	expect(browser.has('session')).toBe(true);
	return browser;
}

const json = (r: Response) => r.json() as Promise<{ account?: Record<string, unknown>; error?: { code: string; message: string } }>;

describe('signed out', () => {
	it('gets 401 from the account and officer APIs and is sent to sign-in by the pages', async () => {
		const visitor = new Browser(server.origin);
		const apiAccount = await visitor.request('/api/account', { headers: { accept: 'application/json' } });
		expect(apiAccount.status).toBe(401);
		expect((await json(apiAccount)).error?.code).toBe('unauthenticated');
		expect((await visitor.request('/api/officer/dossiers')).status).toBe(401);
		expect(await (await visitor.request('/api/session')).json()).toEqual({ account: null });
		const account = await visitor.request('/account');
		expect([account.status, account.headers.get('location')]).toEqual([303, '/signin?next=/account']);
		expect((await visitor.request('/officer')).headers.get('location')).toBe('/signin?next=/officer');
	});

	it('gets the single "Sai thông tin đăng nhập" for a wrong password and for an unknown ID alike', async () => {
		const visitor = new Browser(server.origin);
		const wrong = await visitor.postForm('/signin', { identifier: demoCitizen.idNumber, password: 'khong-dung-mat-khau' });
		const unknown = await visitor.postForm('/signin', { identifier: '001099999999', password: 'khong-dung-mat-khau' });
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		expect(await wrong.text()).toContain('Sai thông tin đăng nhập');
		expect(await unknown.text()).toContain('Sai thông tin đăng nhập');
		expect(visitor.has('session')).toBe(false);
	});
});

describe('a citizen', () => {
	it("reads only their own profile; an id in the body cannot change another citizen's", async () => {
		const me = await signedIn(demoCitizen.phone, demoCitizen.password);
		const mine = await json(await me.request('/api/account', { headers: { accept: 'application/json' } }));
		expect(mine.account).toMatchObject({ idNumber: demoCitizen.idNumber, fullName: demoCitizen.fullName });
		expect(JSON.stringify(mine)).not.toContain(other.idNumber);

		const patch = await me.request('/api/account', {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', origin: server.origin, accept: 'application/json' },
			body: JSON.stringify({ id: otherId, fullName: 'Kẻ Giả Mạo' })
		});
		expect(patch.status).toBe(200);
		const rows = await database.db.selectFrom('accounts').select(['id', 'full_name']).where('full_name', '=', 'Kẻ Giả Mạo').execute();
		expect(rows.map((r) => r.id)).not.toContain(otherId);
		expect(rows).toHaveLength(1);
		const theOther = await database.db.selectFrom('accounts').select('full_name').where('id', '=', otherId).executeTakeFirstOrThrow();
		expect(theOther.full_name).toBe('Phạm Thị Hoa');
	});

	it('is refused the officer area and officer API with 403', async () => {
		const me = await signedIn(other.idNumber, other.password);
		const page = await me.request('/officer');
		expect(page.status).toBe(403);
		expect(await page.text()).toContain('chỉ dành cho cán bộ');
		expect((await me.request('/api/officer/dossiers')).status).toBe(403);
		expect((await me.request('/admin/officers')).status).toBe(403);
	});

	it('loses access after signing out, also on other devices with "sign out everywhere"', async () => {
		const phone = await signedIn(other.idNumber, other.password);
		const laptop = await signedIn(other.phone, other.password);
		const out = await phone.postForm('/signout', { everywhere: 'on' });
		expect([out.status, out.headers.get('location')]).toEqual([303, '/signin?signedout=all']);
		expect((await phone.request('/api/account')).status).toBe(401);
		expect((await laptop.request('/api/account')).status).toBe(401);
	});
});

describe('an officer', () => {
	it('reaches /officer with their agency and the officer API', async () => {
		const officer = await signedIn(demoOfficer.idNumber, demoOfficer.password);
		const page = await officer.request('/officer');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Bàn làm việc một cửa');
		// The demo officer's desk is the demo citizen's ward, where the demo journeys send.
		expect(html).toContain('000.00.30.H26');
		const api = await officer.request('/api/officer/dossiers');
		expect(await api.json()).toMatchObject({ agency: { code: '000.00.30.H26', name: 'UBND phường Ba Đình, Hà Nội' }, total: 0, dossiers: [] });
		// Not an administrator: cannot create officers.
		expect((await officer.request('/admin/officers')).status).toBe(403);
	});

	it('cannot send a citizen\'s dossier (PUT /api/dossiers/{id} is 403 for officers and administrators)', async () => {
		const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
		for (const staff of [demoOfficer, demoAdmin]) {
			const browser = await signedIn(staff.idNumber, staff.password);
			const answer = await browser.request(`/api/dossiers/${randomUUID()}`, {
				method: 'PUT',
				headers: { origin: server.origin, accept: 'application/json', 'content-type': 'application/json' },
				body: JSON.stringify({ version: 1 })
			});
			expect(answer.status, staff.role).toBe(403);
		}
	});
});

describe('signing in again on the same browser', () => {
	it('ends the session the browser held before', async () => {
		const browser = await signedIn(demoCitizen.phone, demoCitizen.password);
		const first = browser.cookieHeader;
		const again = await browser.postForm('/signin', { identifier: demoCitizen.idNumber, password: demoCitizen.password });
		expect(again.status).toBe(303);
		expect(browser.cookieHeader).not.toBe(first);
		expect((await browser.request('/api/account', { headers: { accept: 'application/json' } })).status).toBe(200);
		const copied = await fetch(`${server.origin}/api/account`, { headers: { cookie: first, accept: 'application/json' } });
		expect(copied.status).toBe(401);
	});
});

describe('GET /api/agencies (public reference data)', () => {
	const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
	it('answers every role alike, the competent agency first, and names a bad query in Vietnamese', async () => {
		const visitor = new Browser(server.origin);
		const people = [visitor, await signedIn(demoCitizen.phone, demoCitizen.password), await signedIn(other.idNumber, other.password),
			await signedIn(demoOfficer.idNumber, demoOfficer.password), await signedIn(demoAdmin.idNumber, demoAdmin.password)];
		const url = '/api/agencies?procedure=1.001193&communeCode=13777&communeCode=00376';
		const answers = await Promise.all(people.map(async (p) => { const r = await p.request(url); return [r.status, await r.json()]; }));
		for (const answer of answers) expect(answer).toEqual(answers[0]);
		expect(answers[0][0]).toBe(200);
		expect(answers[0][1].agencies.map((a: { name: string; reason: string }) => [a.name, a.reason])).toEqual([
			['UBND phường Trường Thi, Ninh Bình', 'nơi cư trú của người mẹ'],
			['UBND xã Sóc Sơn, Hà Nội', 'nơi cư trú của người cha']
		]);
		const bad = await visitor.request('/api/agencies?procedure=1.001193&communeCode=123');
		expect(bad.status).toBe(400);
		expect((await bad.json()).error).toMatchObject({ code: 'invalid_query', fields: { 'communeCode.0': 'Mã xã/phường có 5 chữ số (đơn vị hành chính 2025)' } });
		expect((await visitor.request('/api/agencies?procedure=9.999999&communeCode=13777')).status).toBe(404);
	});
});

describe('CSRF (SvelteKit origin check)', () => {
	it('refuses a cross-origin form POST to /signin, /signout and /account', async () => {
		const victim = await signedIn(demoCitizen.idNumber, demoCitizen.password);
		const evil = 'https://evil.example';
		const signin = await victim.postForm('/signin', { identifier: demoCitizen.idNumber, password: demoCitizen.password }, evil);
		expect(signin.status).toBe(403);
		expect(signin.headers.getSetCookie()).toEqual([]);
		expect((await victim.postForm('/account?/profile', { fullName: 'Bị Đổi Tên' }, evil)).status).toBe(403);
		expect((await victim.postForm('/signout', { everywhere: 'on' }, evil)).status).toBe(403);
		// The session survived all three.
		expect((await victim.request('/api/account')).status).toBe(200);
		const name = await database.db.selectFrom('accounts').select('full_name').where('id_number', '=', demoCitizen.idNumber).executeTakeFirstOrThrow();
		expect(name.full_name).not.toBe('Bị Đổi Tên');
	});
});

describe('registration without script (plain form posts)', () => {
	it('registers, refuses an early resend with the wait time, activates with the code and signs in', async () => {
		const visitor = new Browser(server.origin);
		const registered = await visitor.postForm('/register', {
			fullName: 'Lý Thị Mai',
			idNumber: '002192003456',
			dateOfBirth: '09/11/1992',
			sex: 'nu',
			phone: '0911 222 333',
			email: '',
			permanentAddress: JSON.stringify({ provinceCode: '01', communeCode: '00004', street: 'Thôn Đông' }),
			password: 'hoa-sen-no-giua-ho',
			channel: 'sms'
		});
		expect([registered.status, registered.headers.get('location')]).toEqual([303, '/register/verify?sent=1']);
		expect(visitor.has('pending_account')).toBe(true);
		expect(visitor.has('session')).toBe(false);

		const resend = await visitor.postForm('/register/verify?/resend', { channel: 'sms' });
		expect(resend.status).toBe(429);
		expect(await resend.text()).toMatch(/Mã vừa được gửi\. Vui lòng chờ \d+ giây/);

		const code = await latestCode(database.db, '0911222333');
		const wrong = await visitor.postForm('/register/verify?/verify', { code: otherCode(code) });
		expect(wrong.status).toBe(400);
		expect(visitor.has('session')).toBe(false);
		const verified = await visitor.postForm('/register/verify?/verify', { code });
		expect([verified.status, verified.headers.get('location')]).toEqual([303, '/account?welcome=1']);
		expect(visitor.has('session')).toBe(true);
		expect(visitor.has('pending_account')).toBe(false);
		const session = await (await visitor.request('/api/session')).json();
		expect(session.account).toMatchObject({ fullName: 'Lý Thị Mai', maskedId: '0021••••••56', role: 'citizen' });
	});

	it('names every bad field of a refused registration and keeps what was typed (but not the password)', async () => {
		const visitor = new Browser(server.origin);
		const refused = await visitor.postForm('/register', { fullName: 'Lê Văn Tâm', idNumber: '12345', phone: demoCitizen.phone, password: 'hoa-sen-no-giua-ho', channel: 'sms' });
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('chỗ cần sửa');
		expect(html).toContain('href="#f-idNumber"');
		expect(html).toContain('value="Lê Văn Tâm"');
		expect(html).not.toContain('hoa-sen-no-giua-ho');
	});
});

describe('password reset by code', () => {
	it('answers the same for an unknown account, and resets a known one so the new password signs in', async () => {
		const visitor = new Browser(server.origin);
		const unknown = await visitor.postForm('/signin/reset?/request', { identifier: '0999888777', channel: 'sms' });
		const known = await visitor.postForm('/signin/reset?/request', { identifier: other.phone, channel: 'sms' });
		expect(unknown.status).toBe(200);
		expect(known.status).toBe(200);
		const message = 'Nếu thông tin bạn nhập khớp với một tài khoản';
		expect(await unknown.text()).toContain(message);
		expect(await known.text()).toContain(message);

		const code = await latestCode(database.db, other.phone);
		const reset = await visitor.postForm('/signin/reset?/reset', { identifier: other.phone, code, newPassword: 'mat-khau-moi-cua-hoa', step: 'reset' });
		expect([reset.status, reset.headers.get('location')]).toEqual([303, '/signin?reset=1']);
		const old = await visitor.postForm('/signin', { identifier: other.phone, password: other.password });
		expect(old.status).toBe(400);
		await signedIn(other.phone, 'mat-khau-moi-cua-hoa');
		other.password = 'mat-khau-moi-cua-hoa';
	});
});

describe('the language form (POST /language, the header button before the scripts start)', () => {
	it('switches anyone, signed in or not, and sends them back to the page they were on; never elsewhere', async () => {
		const listed: { role: string; identifier: string; password: string; agencyCode: string | null }[] = await (
			await new Browser(server.origin).request('/api/dev/accounts', { headers: { accept: 'application/json' } })
		).json();
		const officers = listed.filter((a) => a.role === 'officer');
		// Officers of two agencies, so "another agency's officer" is in the matrix too.
		expect(new Set(officers.map((o) => o.agencyCode)).size).toBeGreaterThan(1);
		const people: [string, Browser][] = [
			['anonymous', new Browser(server.origin)],
			['citizen A', await signedIn(demoCitizen.phone, demoCitizen.password)],
			['citizen B', await signedIn(other.idNumber, other.password)],
			...(await Promise.all(officers.slice(0, 2).map(async (o): Promise<[string, Browser]> => [`officer ${o.agencyCode}`, await signedIn(o.identifier, o.password)]))),
			['admin', await signedIn(DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.idNumber, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.password)]
		];
		const post = (browser: Browser, to: string, referer?: string) =>
			browser.request('/language', {
				method: 'POST',
				headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', ...(referer ? { referer } : {}) },
				body: new URLSearchParams({ to }).toString()
			});
		for (const [who, browser] of people) {
			const english = await post(browser, 'en', `${server.origin}/procedures?q=l%C3%A0m+cccd`);
			expect([english.status, english.headers.get('location')], who).toEqual([303, '/procedures?q=l%C3%A0m+cccd']);
			expect(english.headers.getSetCookie().find((c) => c.startsWith('lang=')), who).toMatch(/^lang=en;.*Path=\/.*SameSite=Lax/i);
			expect(english.headers.getSetCookie().find((c) => c.startsWith('lang=')), who).not.toMatch(/HttpOnly/i);
			// The next page comes in English from the server.
			expect(await (await browser.request('/lookup')).text(), who).toContain('<html lang="en"');
			// Back to Vietnamese: written, not removed, so it outranks an English choice kept on the device.
			const vietnamese = await post(browser, 'vi', `${server.origin}/lookup`);
			expect([vietnamese.status, vietnamese.headers.get('location')], who).toEqual([303, '/lookup']);
			expect(vietnamese.headers.getSetCookie().find((c) => c.startsWith('lang=')), who).toMatch(/^lang=vi;/);
			expect(await (await browser.request('/lookup')).text(), who).toContain('<html lang="vi"');
		}
		const visitor = new Browser(server.origin);
		// Never an open redirect: another site's page, no referrer, or a broken one go home.
		for (const referer of ['https://evil.example/phish?x=1', undefined, 'not a url', `${server.origin}/language`]) {
			expect((await post(visitor, 'en', referer)).headers.get('location'), String(referer)).toBe('/');
		}
		// Anything but 'en' is Vietnamese; a form from another site is refused like every form.
		expect((await post(visitor, '<script>', `${server.origin}/`)).headers.getSetCookie()[0]).toMatch(/^lang=vi;/);
		expect((await visitor.postForm('/language', { to: 'en' }, 'https://evil.example')).status).toBe(403);
		// Only POST: a link cannot switch anyone's language.
		expect((await visitor.request('/language')).status).toBe(405);
	});
});
