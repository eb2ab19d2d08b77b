/**
 * Papers over real HTTP against the production build (issue 14, items 4 and 5): a citizen
 * uploads two files with tus and submits; the agency's officer accepts; the citizen's
 * GET /api/documents lists two verified papers; a second dossier reusing them sends **zero**
 * attachment bytes (counted on the client: every request body it sends; and on the server:
 * the bytes its upload records received). The access matrix of the new endpoints: anonymous,
 * citizen A (owner) and B, an officer of the agency and of another, the administrator.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, ensureDemoOfficer, listDemoAccounts } from '$lib/server/accounts';
import { openDatabase, type OpenDatabase } from '$lib/server/db';
import { uploadStats } from '$lib/server/blobs/upload-records';
import { documentsAnswerSchema, type Paper } from '$lib/domain/wire/documents';
import { makeDeps, registerActive } from '../helpers/accounts';
import { manifest, POLICE_SOC_SON } from '../dossiers/fixtures';
import { Browser, startBuiltServer, type BuiltServer } from './built-server';

let server: BuiltServer;
let database: OpenDatabase;
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const citizenB = { idNumber: '001190001234', password: 'cay-lua-xanh-muot' };
let officerOfAgency: { identifier: string; password: string };

/** A browser that counts the body bytes of every request it sends. */
class CountingBrowser extends Browser {
	sent = 0;
	requests = 0;
	override async request(path: string, init: RequestInit = {}) {
		const body = init.body;
		this.sent += body == null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : (body as Uint8Array).byteLength;
		this.requests += 1;
		return super.request(path, init);
	}
}

async function signedIn(identifier: string, password: string): Promise<CountingBrowser> {
	const browser = new CountingBrowser(server.origin);
	const response = await browser.postForm('/signin', { identifier, password });
	expect(response.status).toBe(303);
	browser.sent = 0;
	browser.requests = 0;
	return browser;
}

const jsonHeaders = () => ({ 'content-type': 'application/json', accept: 'application/json', origin: server.origin });
const api = (b: Browser, path: string) => b.request(path, { headers: { accept: 'application/json' } });

function pdf(size: number, name: string) {
	const head = Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1');
	const bytes = Buffer.concat([head, randomBytes(size - head.byteLength)]);
	return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
type File = ReturnType<typeof pdf>;

/** What the outbox does: ask which files the server holds, upload the others with tus, PUT the manifest. */
async function sendDossier(b: Browser, files: { sha256: string; name: string; size: number; type: string; bytes?: Buffer }[]) {
	const check = await b.request('/api/blobs/check', { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ hashes: files.map((f) => f.sha256) }) });
	expect(check.status).toBe(200);
	const { present } = (await check.json()) as { present: string[] };
	for (const f of files.filter((f) => !present.includes(f.sha256))) {
		if (!f.bytes) throw new Error(`the server does not hold ${f.name} and the device has no bytes for it`);
		const meta = { sha256: f.sha256, filename: f.name, filetype: f.type };
		const created = await b.request('/api/uploads', {
			method: 'POST',
			headers: {
				origin: server.origin,
				'tus-resumable': '1.0.0',
				'upload-length': String(f.bytes.byteLength),
				'upload-metadata': Object.entries(meta).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',')
			}
		});
		expect(created.status).toBe(201);
		const patched = await b.request(new URL(created.headers.get('location')!, server.origin).pathname, {
			method: 'PATCH',
			headers: { origin: server.origin, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
			body: new Uint8Array(f.bytes)
		});
		expect(patched.status).toBe(204);
	}
	const m = manifest({ submittedAt: new Date().toISOString() });
	const attached = files.map((f) => ({ sha256: f.sha256, name: f.name, size: f.size, type: f.type as 'application/pdf' }));
	const body = { ...m, answers: { ...m.answers, residenceProofFile: attached }, attachments: attached.map((a) => ({ slot: 'residenceProofFile', ...a })) };
	const id = randomUUID();
	const put = await b.request(`/api/dossiers/${id}`, { method: 'PUT', headers: jsonHeaders(), body: JSON.stringify(body) });
	return { id, put };
}

const asAttachment = (f: File) => ({ sha256: f.sha256, name: f.name, size: f.bytes.byteLength, type: 'application/pdf', bytes: f.bytes });

let papers: Paper[];
const files = [pdf(300 * 1024, 'hop-dong-thue-nha.pdf'), pdf(200 * 1024, 'so-ho-khau-cu.pdf')];
const figures: Record<string, number> = {};

beforeAll(async () => {
	server = await startBuiltServer();
	database = openDatabase({ database: { dialect: 'sqlite', filename: join(server.dataDir, 'app.sqlite') } });
	const deps = makeDeps(database.db);
	await registerActive(deps);
	await ensureDemoOfficer(deps, POLICE_SOC_SON);
	const officer = (await listDemoAccounts(database.db)).find((a) => a.role === 'officer' && a.agencyCode === POLICE_SOC_SON)!;
	officerOfAgency = { identifier: officer.identifier, password: officer.password };

	// The first dossier: both files uploaded, then accepted by the agency's officer.
	const a = await signedIn(demo('citizen').idNumber, demo('citizen').password);
	const first = await sendDossier(a, files.map(asAttachment));
	expect(first.put.status).toBe(201);
	figures.firstBodyBytes = a.sent;
	figures.firstRequests = a.requests;
	const desk = await signedIn(officerOfAgency.identifier, officerOfAgency.password);
	const accepted = await desk.request(`/api/officer/dossiers/${first.id}/actions`, {
		method: 'POST',
		headers: jsonHeaders(),
		body: JSON.stringify({ requestId: randomUUID(), action: 'accept', expectedStatus: 1 })
	});
	expect(accepted.status).toBe(200);
	papers = documentsAnswerSchema.parse(await (await api(a, '/api/documents')).json()).papers;
}, 90_000);
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

describe('provided once, not again (real HTTP)', () => {
	it('lists the two accepted files as the owner’s verified papers, and the residence slot as already provided', async () => {
		expect(papers.map((p) => [p.origin, p.file.name, p.file.size]).sort()).toEqual([
			['verified', 'hop-dong-thue-nha.pdf', 300 * 1024],
			['verified', 'so-ho-khau-cu.pdf', 200 * 1024]
		]);
		const a = await signedIn(demo('citizen').idNumber, demo('citizen').password);
		const answer = documentsAnswerSchema.parse(await (await api(a, '/api/documents?procedure=1.004194')).json());
		expect(answer.held).toEqual([{ slot: 'residenceProofFile', paperIds: expect.arrayContaining(papers.map((p) => p.id)) }]);
	});

	it('sends zero attachment bytes for a second dossier built from the two verified papers alone', async () => {
		const a = await signedIn(demo('citizen').idNumber, demo('citizen').password);
		const before = (await uploadStats(database.db)).totalBytesReceived;
		// No bytes on the device: the papers' hashes, names, sizes and types come from the list.
		const second = await sendDossier(a, papers.map((p) => p.file));
		expect(second.put.status).toBe(201);
		const received = (await uploadStats(database.db)).totalBytesReceived - before;
		expect(received).toBe(0);
		expect(a.requests).toBe(2); // the check and the PUT: no upload at all
		const attachmentBytes = papers.reduce((s, p) => s + p.file.size, 0);
		expect(a.sent).toBeLessThan(2_000);
		figures.secondBodyBytes = a.sent;
		figures.secondRequests = a.requests;
		figures.attachmentBytes = attachmentBytes;
		console.log(`[papers] first dossier: ${figures.firstBodyBytes} B of request bodies in ${figures.firstRequests} requests (attachments ${attachmentBytes} B); second dossier reusing 2 verified papers: ${figures.secondBodyBytes} B in ${figures.secondRequests} requests, server received ${received} upload bytes`);
	});

	it('refuses the same hashes to another citizen: the check says absent and a PUT naming them is refused', async () => {
		const b = await signedIn(citizenB.idNumber, citizenB.password);
		const check = await b.request('/api/blobs/check', { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ hashes: papers.map((p) => p.file.sha256) }) });
		expect(await check.json()).toEqual({ present: [] });
		const stolen = await sendDossier(b, papers.map((p) => p.file)).catch((e: Error) => e);
		expect(stolen).toBeInstanceOf(Error); // the client would have to upload: it has no bytes
		const m = manifest({ submittedAt: new Date().toISOString() });
		const attached = papers.map((p) => ({ ...p.file }));
		const put = await b.request(`/api/dossiers/${randomUUID()}`, {
			method: 'PUT',
			headers: jsonHeaders(),
			body: JSON.stringify({ ...m, answers: { ...m.answers, residenceProofFile: attached }, attachments: attached.map((f) => ({ slot: 'residenceProofFile', ...f })) })
		});
		expect(put.status).toBe(422);
		expect((await put.json()).error.code).toBe('missing_blobs');
	});
});

describe('access matrix: GET /api/documents, GET|HEAD /api/documents/{id}/file', () => {
	it('answers 401 to a visitor', async () => {
		const visitor = new Browser(server.origin);
		expect((await api(visitor, '/api/documents')).status).toBe(401);
		expect((await api(visitor, `/api/documents/${papers[0].id}/file`)).status).toBe(401);
	});

	it('gives the owner the file, its size known before the bytes (HEAD), as a sandboxed attachment', async () => {
		const a = await signedIn(demo('citizen').idNumber, demo('citizen').password);
		const paper = papers.find((p) => p.file.name === 'hop-dong-thue-nha.pdf')!;
		const head = await a.request(`/api/documents/${paper.id}/file`, { method: 'HEAD' });
		expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([200, String(300 * 1024), 0]);
		const file = await a.request(`/api/documents/${paper.id}/file?download=1`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="hop-dong-thue-nha.pdf"/);
		expect(file.headers.get('content-security-policy')).toContain('sandbox');
		expect(Buffer.from(await file.arrayBuffer()).equals(files[0].bytes)).toBe(true);
	});

	it('shows everyone else their own (empty) list and the owner’s paper as missing', async () => {
		const others = {
			'citizen B': await signedIn(citizenB.idNumber, citizenB.password),
			'officer of the agency': await signedIn(officerOfAgency.identifier, officerOfAgency.password),
			'officer of another agency': await signedIn(demo('officer').idNumber, demo('officer').password),
			admin: await signedIn(demo('admin').idNumber, demo('admin').password)
		};
		for (const [who, b] of Object.entries(others)) {
			const list = await api(b, '/api/documents');
			expect([who, list.status, await list.json()]).toEqual([who, 200, { papers: [] }]);
			const file = await api(b, `/api/documents/${papers[0].id}/file`);
			expect([who, file.status, (await file.json()).error.code]).toEqual([who, 404, 'not_found']);
		}
	});
});
