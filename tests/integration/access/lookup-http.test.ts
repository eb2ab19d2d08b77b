/**
 * Tra cứu hồ sơ over real HTTP against the production build: who sees what (anonymous,
 * the owner, another citizen, an officer, the administrator), the server-rendered page an
 * SMS link opens before any script runs, and a bad query answered with the field at fault.
 * Also the push subscription endpoints (signed-in only) and the integration read API (bearer
 * token only, whoever is signed in).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '$lib/server/accounts';
import { openDatabase, type OpenDatabase } from '$lib/server/db';
import { makeDeps, registerActive } from '../helpers/accounts';
import { manifest } from '../dossiers/fixtures';
import { Browser, startBuiltServer, type BuiltServer } from './built-server';

let server: BuiltServer;
let database: OpenDatabase;
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const other = { idNumber: '001190001234', password: 'cay-lua-xanh-muot' };
let code: string;
let dossierId: string;

async function signedIn(identifier: string, password: string): Promise<Browser> {
	const browser = new Browser(server.origin);
	const response = await browser.postForm('/signin', { identifier, password });
	expect(response.status).toBe(303);
	return browser;
}

beforeAll(async () => {
	server = await startBuiltServer({ INTEGRATION_TOKEN: 'ma-tich-hop-thu-nghiem' });
	database = openDatabase({ database: { dialect: 'sqlite', filename: join(server.dataDir, 'app.sqlite') } });
	await registerActive(makeDeps(database.db));
	const owner = await signedIn(demo('citizen').idNumber, demo('citizen').password);
	dossierId = randomUUID();
	const put = await owner.request(`/api/dossiers/${dossierId}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.origin },
		body: JSON.stringify(manifest({ submittedAt: new Date().toISOString() }))
	});
	expect(put.status).toBe(201);
	code = (await put.json()).code;
}, 60_000);
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

const lookup = (browser: Browser, query: string) => browser.request(`/api/lookup?${query}`, { headers: { accept: 'application/json' } });

describe('GET /api/lookup access', () => {
	it('answers anyone who is not the owner with the masked name and nothing else personal', async () => {
		const visitors = [
			new Browser(server.origin),
			await signedIn(other.idNumber, other.password),
			await signedIn(demo('officer').idNumber, demo('officer').password),
			await signedIn(demo('admin').idNumber, demo('admin').password)
		];
		for (const visitor of visitors) {
			for (const query of [`code=${encodeURIComponent(code)}`, `idNumber=${demo('citizen').idNumber}`]) {
				const response = await lookup(visitor, query);
				expect(response.status).toBe(200);
				expect(response.headers.get('cache-control')).toBe('no-store');
				const body = await response.json();
				expect(body).toEqual([
					{
						code,
						procedure: { code: '1.004194', name: expect.any(String) },
						applicantName: 'Nguyễn V** D**',
						receivedAt: expect.any(String),
						appointmentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
						status: { code: 1, name: 'Mới đăng ký' }
					}
				]);
				const text = JSON.stringify(body);
				for (const secret of [demo('citizen').idNumber, demo('citizen').phone, dossierId, 'Nguyễn Văn Dân', 'Nguyễn Văn An']) expect(text).not.toContain(secret);
			}
		}
	});

	it('answers the owner in full: the name and the dossier id', async () => {
		const owner = await signedIn(demo('citizen').phone, demo('citizen').password);
		const [entry] = await (await lookup(owner, `code=${encodeURIComponent(code)}`)).json();
		expect(entry).toMatchObject({ code, applicantName: 'Nguyễn Văn Dân', dossierId });
	});

	it('refuses a malformed query with 400 invalid_query naming the field', async () => {
		const visitor = new Browser(server.origin);
		const bad = await lookup(visitor, 'idNumber=12345');
		expect(bad.status).toBe(400);
		const body = await bad.json();
		expect(body.error.code).toBe('invalid_query');
		expect(body.error.fields.idNumber).toMatch(/12 chữ số/);
		expect((await lookup(visitor, '')).status).toBe(400);
	});
});

describe('/lookup page', () => {
	it('renders the answer on the server for a link in an SMS (no script needed)', async () => {
		const page = await new Browser(server.origin).request(`/lookup?code=${encodeURIComponent(code)}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(code);
		expect(html).toContain('Nguyễn V** D**');
		expect(html).toContain('Mới đăng ký');
		expect(html).not.toContain('Nguyễn Văn Dân');
	});

	it('shows the message beside the field for a wrong code, keeping what was typed', async () => {
		const html = await (await new Browser(server.origin).request('/lookup?code=abc-123')).text();
		expect(html).toContain('Mã hồ sơ có dạng');
		expect(html).toContain('value="abc-123"');
	});
});

describe('push subscriptions and the integration read API', () => {
	const sub = { endpoint: 'https://push.example/abc', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } };
	const post = (b: Browser, body: unknown) =>
		b.request('/api/push/subscriptions', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.origin }, body: JSON.stringify(body) });

	it('takes a subscription from a signed-in person only, and gives the VAPID key to anyone', async () => {
		expect((await post(new Browser(server.origin), sub)).status).toBe(401);
		const me = await signedIn(other.idNumber, other.password);
		expect((await post(me, { ...sub, endpoint: 'javascript:alert(1)' })).status).toBe(400);
		expect((await post(me, sub)).status).toBe(201);
		const key = await (await new Browser(server.origin).request('/api/push/key', { headers: { accept: 'application/json' } })).json();
		expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
	});

	it('answers the read API to the bearer token only, not to a session of any role', async () => {
		for (const who of [new Browser(server.origin), await signedIn(demo('admin').idNumber, demo('admin').password), await signedIn(demo('officer').idNumber, demo('officer').password)]) {
			const r = await who.request('/api/integration/dossiers', { headers: { accept: 'application/json' } });
			expect(r.status).toBe(401);
		}
		const wrong = await fetch(`${server.origin}/api/integration/dossiers`, { headers: { authorization: 'Bearer sai' } });
		expect(wrong.status).toBe(401);
		const right = await fetch(`${server.origin}/api/integration/dossiers?since=2020-01-01T00:00:00Z`, { headers: { authorization: 'Bearer ma-tich-hop-thu-nghiem' } });
		expect(right.status).toBe(200);
		const body = await right.json();
		expect(body.dossiers.map((d: { code: string }) => d.code)).toContain(code);
	});
});
