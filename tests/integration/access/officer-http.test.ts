/**
 * The officer desk's access matrix over real HTTP against the production build: every officer
 * endpoint and page, and the citizen's action endpoint, asked by a visitor, the owner (citizen
 * A), another citizen (B), the demo officer of the dossier's agency, the demo officer of
 * another agency, and the demo administrator (attached to no agency: it reads every agency's
 * dossiers and acts on none). Another agency's dossier is answered as not found, never as
 * forbidden; nothing but the right person's action changes anything. Also the development accounts page and JSON, off with DEV_PAGES=off.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '$lib/server/accounts';
import { openDatabase, type OpenDatabase } from '$lib/server/db';
import { makeDeps, registerActive } from '../helpers/accounts';
import { manifest, POLICE_SOC_SON } from '../dossiers/fixtures';
import { Browser, startBuiltServer, type BuiltServer } from './built-server';

let server: BuiltServer;
let database: OpenDatabase;
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const otherCitizen = { idNumber: '001190001234', password: 'cay-lua-xanh-muot' };
const OTHER_AGENCY = 'C02.12.30.H26'; // Công an xã Kim Anh

type Who = 'visitor' | 'citizen A' | 'citizen B' | 'officer' | 'other officer' | 'admin';
const people = {} as Record<Who, Browser>;
const everyone: Who[] = ['visitor', 'citizen A', 'citizen B', 'officer', 'other officer', 'admin'];
/** Dossier for reading and files (taken to "finished" with a result file) and one for the action rows. */
let readId: string;
let readCode: string;
let actId: string;
let resultSha: string;

const jsonHeaders = () => ({ 'content-type': 'application/json', accept: 'application/json', origin: server.origin });

async function signedIn(identifier: string, password: string): Promise<Browser> {
	const browser = new Browser(server.origin);
	const response = await browser.postForm('/signin', { identifier, password });
	expect(response.status).toBe(303);
	return browser;
}

async function send(owner: Browser): Promise<{ id: string; code: string }> {
	const id = randomUUID();
	const put = await owner.request(`/api/dossiers/${id}`, { method: 'PUT', headers: jsonHeaders(), body: JSON.stringify(manifest({ submittedAt: new Date().toISOString() })) });
	expect(put.status).toBe(201);
	return { id, code: (await put.json()).code };
}

const act = (who: Who, id: string, body: Record<string, unknown>, path = `/api/officer/dossiers/${id}/actions`) =>
	people[who].request(path, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ requestId: randomUUID(), ...body }) });

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const upload = (who: Who, id: string) =>
	people[who].request(`/api/officer/dossiers/${id}/files?name=ket-qua.pdf`, { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json', origin: server.origin }, body: PDF });

async function statusOf(id: string): Promise<number> {
	const row = await database.db.selectFrom('dossiers').select('status').where('id', '=', id).executeTakeFirstOrThrow();
	return Number(row.status);
}

/** Asks every person (but `except`, who would change the dossier) and returns their statuses. */
async function matrix(ask: (who: Who) => Promise<Response>, except?: Who): Promise<Partial<Record<Who, number>>> {
	const out: Partial<Record<Who, number>> = {};
	for (const who of everyone) if (who !== except) out[who] = (await ask(who)).status;
	return out;
}

beforeAll(async () => {
	server = await startBuiltServer();
	database = openDatabase({ database: { dialect: 'sqlite', filename: join(server.dataDir, 'app.sqlite') } });
	await registerActive(makeDeps(database.db));
	people.visitor = new Browser(server.origin);
	people['citizen A'] = await signedIn(demo('citizen').idNumber, demo('citizen').password);
	people['citizen B'] = await signedIn(otherCitizen.idNumber, otherCitizen.password);
	people.admin = await signedIn(demo('admin').idNumber, demo('admin').password);
	const accounts: { role: string; identifier: string; password: string; agencyCode: string }[] = await (
		await people.visitor.request('/api/dev/accounts', { headers: { accept: 'application/json' } })
	).json();
	const officerOf = (code: string) => accounts.find((a) => a.role === 'officer' && a.agencyCode === code)!;
	people.officer = await signedIn(officerOf(POLICE_SOC_SON).identifier, officerOf(POLICE_SOC_SON).password);
	people['other officer'] = await signedIn(officerOf(OTHER_AGENCY).identifier, officerOf(OTHER_AGENCY).password);

	({ id: readId, code: readCode } = await send(people['citizen A']));
	({ id: actId } = await send(people['citizen A']));
	// The reading dossier is taken to "finished" with a result file.
	for (const action of ['accept', 'start']) expect((await act('officer', readId, { action })).status).toBe(200);
	const stored = await upload('officer', readId);
	expect(stored.status).toBe(201);
	resultSha = (await stored.json()).sha256;
	expect((await act('officer', readId, { action: 'finish', result: { sha256: resultSha, name: 'ket-qua.pdf' } })).status).toBe(200);
}, 90_000);
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

const api = (path: string) => (who: Who) => people[who].request(path, { headers: { accept: 'application/json' } });

describe('officer API access matrix', () => {
	it('GET /api/officer/dossiers: staff only; each desk lists its own agency only, the administrator every agency', async () => {
		expect(await matrix(api('/api/officer/dossiers'))).toEqual({ visitor: 401, 'citizen A': 403, 'citizen B': 403, officer: 200, 'other officer': 200, admin: 200 });
		const listed = async (who: Who) => ((await (await api('/api/officer/dossiers?status=9')(who)).json()).dossiers as { id: string }[]).map((d) => d.id);
		expect(await listed('officer')).toEqual([readId]);
		expect(await listed('other officer')).toEqual([]);
		expect(await listed('admin')).toEqual([readId]);
		const searched = await (await api(`/api/officer/dossiers?status=9&q=${encodeURIComponent(readCode)}`)('other officer')).json();
		expect(searched.total).toBe(0);
	});

	it('GET /api/officer/dossiers/{id}: the agency\'s officer and the administrator; another agency gets 404', async () => {
		expect(await matrix(api(`/api/officer/dossiers/${readId}`))).toEqual({ visitor: 401, 'citizen A': 403, 'citizen B': 403, officer: 200, 'other officer': 404, admin: 200 });
		expect((await (await api(`/api/officer/dossiers/${readId}`)('admin')).json()).nextActions).toEqual([]);
		expect((await api(`/api/officer/dossiers/${randomUUID()}`)('officer')).status).toBe(404);
	});

	it('GET /api/officer/dossiers/{id}/files/{sha256}: the result file to the agency\'s officer and the administrator only', async () => {
		const path = `/api/officer/dossiers/${readId}/files/${resultSha}`;
		expect(await matrix(api(path))).toEqual({ visitor: 401, 'citizen A': 403, 'citizen B': 403, officer: 200, 'other officer': 404, admin: 200 });
		// A file of the store that is not this dossier's: 404 even for the agency's officer.
		expect((await api(`/api/officer/dossiers/${actId}/files/${resultSha}`)('officer')).status).toBe(404);
	});

	it('POST /api/officer/dossiers/{id}/files: only an officer of the agency stores a result file', async () => {
		expect(await matrix((who) => upload(who, actId))).toEqual({ visitor: 401, 'citizen A': 403, 'citizen B': 403, officer: 201, 'other officer': 404, admin: 403 });
	});

	it('POST /api/officer/dossiers/{id}/actions: only the agency\'s officer acts; every refusal changes nothing', async () => {
		const accept = (who: Who) => act(who, actId, { action: 'accept', expectedStatus: 1 });
		expect(await matrix(accept, 'officer')).toEqual({ visitor: 401, 'citizen A': 403, 'citizen B': 403, 'other officer': 404, admin: 403 });
		expect(await statusOf(actId)).toBe(1);
		const applied = await accept('officer');
		expect(applied.status).toBe(200);
		expect(await statusOf(actId)).toBe(2);
	});

	it('POST /api/dossiers/{id}/actions (the citizen\'s): the owner only', async () => {
		const withdraw = (who: Who) => act(who, actId, { action: 'withdraw', expectedStatus: 2 }, `/api/dossiers/${actId}/actions`);
		expect(await matrix(withdraw, 'citizen A')).toEqual({ visitor: 401, 'citizen B': 404, officer: 403, 'other officer': 403, admin: 403 });
		expect(await statusOf(actId)).toBe(2);
		expect((await withdraw('citizen A')).status).toBe(200);
		expect(await statusOf(actId)).toBe(7);
	});
});

describe('officer pages access matrix', () => {
	const page = (path: string) => (who: Who) => people[who].request(path);

	it('/officer: staff only, a visitor is sent to sign in; the dossier is on its agency\'s desk only', async () => {
		expect(await matrix(page('/officer?status=9'))).toEqual({ visitor: 303, 'citizen A': 403, 'citizen B': 403, officer: 200, 'other officer': 200, admin: 200 });
		expect((await page('/officer')('visitor')).headers.get('location')).toBe('/signin?next=/officer');
		expect(await (await page('/officer?status=9')('officer')).text()).toContain(readCode);
		expect(await (await page('/officer?status=9')('other officer')).text()).not.toContain(readCode);
		const across = await (await page('/officer?status=9')('admin')).text();
		expect(across).toContain(readCode);
		expect(across).toContain('Mọi cơ quan (quản trị viên: chỉ xem, không xử lý)');
		expect(across).toContain('Công an xã Sóc Sơn, Hà Nội');
	});

	it('/officer/dossiers/{id}: the agency\'s officer, and the administrator with no action forms', async () => {
		expect(await matrix(page(`/officer/dossiers/${readId}`))).toEqual({ visitor: 303, 'citizen A': 403, 'citizen B': 403, officer: 200, 'other officer': 404, admin: 200 });
		const html = await (await page(`/officer/dossiers/${readId}`)('officer')).text();
		expect(html).toContain(readCode);
		expect(html).toContain('Đã xử lý xong');
		expect(html).toContain('action="?/act"');
		const read = await (await page(`/officer/dossiers/${readId}`)('admin')).text();
		expect(read).toContain(readCode);
		expect(read).not.toContain('action="?/act"');
	});

	it('POST /officer/dossiers/{id}?/act: the form acts for the agency\'s officer only (the administrator reads, is refused)', async () => {
		const form = (who: Who) => people[who].postForm(`/officer/dossiers/${readId}?/act`, { requestId: randomUUID(), action: 'return', expectedStatus: '9' });
		expect(await matrix(form, 'officer')).toEqual({ visitor: 303, 'citizen A': 403, 'citizen B': 403, 'other officer': 404, admin: 403 });
		expect(await statusOf(readId)).toBe(9);
		const done = await form('officer');
		expect(done.status).toBe(200);
		expect(await done.text()).toContain('Đã ghi nhận');
		expect(await statusOf(readId)).toBe(10);
	});
});

describe('development accounts', () => {
	it('/dev/accounts and /api/dev/accounts list the demo officers with their agency in development', async () => {
		const list = await (await api('/api/dev/accounts')('visitor')).json();
		expect(list).toContainEqual(expect.objectContaining({ role: 'officer', agencyCode: POLICE_SOC_SON, agencyName: 'Công an xã Sóc Sơn, Hà Nội', password: expect.any(String) }));
		const html = await (await people.visitor.request('/dev/accounts')).text();
		expect(html).toContain('Công an xã Sóc Sơn, Hà Nội');
		expect(html).toContain(readCode);
	});

	it('are 404 with DEV_PAGES=off', async () => {
		const off = await startBuiltServer({ DEV_PAGES: 'off' });
		try {
			const visitor = new Browser(off.origin);
			expect((await visitor.request('/dev/accounts')).status).toBe(404);
			expect((await visitor.request('/api/dev/accounts', { headers: { accept: 'application/json' } })).status).toBe(404);
			// Every account's messages and uploads (issue 12, defect 12): off with the same flag.
			expect((await visitor.request('/dev/mailbox')).status).toBe(404);
			expect((await visitor.request('/api/dev/upload-stats', { headers: { accept: 'application/json' } })).status).toBe(404);
		} finally {
			await off.stop();
		}
	}, 60_000);
});
