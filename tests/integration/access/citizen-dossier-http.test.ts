/**
 * The citizen's dossier endpoints over real HTTP against the production build — GET
 * /api/dossiers/{id} (timeline, results, open actions), GET /api/dossiers/{id}/files/{sha256}
 * and POST /api/dossiers/{id}/actions — for every kind of caller: anonymous, the owner
 * (citizen A), another citizen (B), an officer of the receiving agency, an officer of another
 * agency and the administrator. Only the owner reads the dossier and its files or acts on it.
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
const citizenB = { idNumber: '001190001234', password: 'cay-lua-xanh-muot' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
let dossierId: string;
let resultSha: string;
const who: Record<'anonymous' | 'owner' | 'citizenB' | 'officerHere' | 'officerElsewhere' | 'admin', Browser> = {} as never;

async function signedIn(identifier: string, password: string): Promise<Browser> {
	const browser = new Browser(server.origin);
	const response = await browser.postForm('/signin', { identifier, password });
	expect(response.status).toBe(303);
	return browser;
}
const json = (b: Browser, path: string, method = 'GET', body?: unknown) =>
	b.request(path, {
		method,
		headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json', origin: server.origin } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});
const officerAct = (action: string, extra: Record<string, unknown> = {}) =>
	json(who.officerHere, `/api/officer/dossiers/${dossierId}/actions`, 'POST', { requestId: randomUUID(), action, ...extra });

beforeAll(async () => {
	server = await startBuiltServer();
	database = openDatabase({ database: { dialect: 'sqlite', filename: join(server.dataDir, 'app.sqlite') } });
	await registerActive(makeDeps(database.db));
	who.anonymous = new Browser(server.origin);
	who.owner = await signedIn(demo('citizen').idNumber, demo('citizen').password);
	who.citizenB = await signedIn(citizenB.idNumber, citizenB.password);
	who.admin = await signedIn(demo('admin').idNumber, demo('admin').password);

	dossierId = randomUUID();
	const put = await json(who.owner, `/api/dossiers/${dossierId}`, 'PUT', manifest({ submittedAt: new Date().toISOString() }));
	expect(put.status).toBe(201);
	const agencyCode = (await put.json()).code.split('-')[0];
	// Development: the receiving agency got its demo officer at the PUT; the seeded one works elsewhere.
	const accounts: { role: string; identifier: string; password: string; agencyCode: string | null }[] = await (await json(who.anonymous, '/api/dev/accounts')).json();
	const here = accounts.find((a) => a.role === 'officer' && a.agencyCode === agencyCode)!;
	const elsewhere = accounts.find((a) => a.role === 'officer' && a.agencyCode && a.agencyCode !== agencyCode)!;
	who.officerHere = await signedIn(here.identifier, here.password);
	who.officerElsewhere = await signedIn(elsewhere.identifier, elsewhere.password);

	// The desk takes it to a result file.
	expect((await officerAct('accept')).status).toBe(200);
	expect((await officerAct('start')).status).toBe(200);
	const upload = await who.officerHere.request(`/api/officer/dossiers/${dossierId}/files?name=${encodeURIComponent('ket-qua.pdf')}`, {
		method: 'POST',
		headers: { accept: 'application/json', 'content-type': 'application/pdf', origin: server.origin },
		body: PDF
	});
	expect(upload.status).toBe(201);
	resultSha = (await upload.json()).sha256;
	expect((await officerAct('finish', { result: { sha256: resultSha, name: 'ket-qua.pdf' } })).status).toBe(200);
}, 90_000);
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

describe('GET /api/dossiers/{id} and its files', () => {
	it("gives the owner the timeline the desk sees, the result file's link and no open action once finished", async () => {
		const response = await json(who.owner, `/api/dossiers/${dossierId}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const mine = await response.json();
		expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'start', 'finish']);
		expect(mine.results).toEqual([{ sha256: resultSha, name: 'ket-qua.pdf', size: PDF.length, type: 'application/pdf', slot: 'result', url: `/api/dossiers/${dossierId}/files/${resultSha}` }]);
		expect(mine.nextActions).toEqual([]);
		const desk = await (await json(who.officerHere, `/api/officer/dossiers/${dossierId}`)).json();
		expect(mine.timeline).toEqual(desk.events);

		const file = await who.owner.request(`${mine.results[0].url}?download=1`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
	});

	it('answers 401 to a visitor and 404 to every other account, files included', async () => {
		for (const [name, browser] of Object.entries(who)) {
			if (name === 'owner') continue;
			const expected = name === 'anonymous' ? 401 : 404;
			for (const path of [`/api/dossiers/${dossierId}`, `/api/dossiers/${dossierId}/files/${resultSha}`, `/api/dossiers/${dossierId}/files/${resultSha}?download=1`]) {
				const r = await json(browser, path);
				expect([name, path, r.status]).toEqual([name, path, expected]);
				expect(await r.text()).not.toContain('ket-qua');
			}
		}
	});
});

describe('POST /api/dossiers/{id}/actions', () => {
	it('lets only the owner act: 401 anonymous, 404 another citizen, 403 staff; nothing changes', async () => {
		const withdraw = () => ({ requestId: randomUUID(), action: 'withdraw' });
		const expected = { anonymous: 401, citizenB: 404, officerHere: 403, officerElsewhere: 403, admin: 403 } as const;
		for (const [name, status] of Object.entries(expected)) {
			const r = await json(who[name as keyof typeof expected], `/api/dossiers/${dossierId}/actions`, 'POST', withdraw());
			expect([name, r.status]).toEqual([name, status]);
		}
		const after = await (await json(who.owner, `/api/dossiers/${dossierId}`)).json();
		expect(after.timeline).toHaveLength(4);
		// The owner may not withdraw a finished dossier either: 409 with the current status.
		const late = await json(who.owner, `/api/dossiers/${dossierId}/actions`, 'POST', withdraw());
		expect(late.status).toBe(409);
		expect((await late.json()).error.details.status.code).toBe(9);
	});
});
