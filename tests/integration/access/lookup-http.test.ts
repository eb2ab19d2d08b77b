/**
 * Tra cứu hồ sơ over real HTTP against the production build: who sees what (anonymous,
 * the owner, another citizen, an officer, the administrator), the server-rendered page an
 * SMS link opens before any script runs, and a bad query answered with the field at fault.
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
	server = await startBuiltServer();
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
