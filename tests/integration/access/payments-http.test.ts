/**
 * Fees and payments over real HTTP against the production build: who may read an
 * obligation and start paying it (anonymous, the owner, another citizen, the agency's
 * officer, another agency's officer, the administrator); the IPN, the development gateway
 * and the return page refuse anything not signed with the merchant's secret.
 */
import { createHash, randomUUID } from 'node:crypto';
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
const other = { idNumber: '001190001234', password: 'cay-lua-xanh-muot' };
let dossierId: string;
let obligationId: string;
const who: Record<'anonymous' | 'owner' | 'otherCitizen' | 'officer' | 'foreignOfficer' | 'admin', Browser> = {} as never;

async function signedIn(identifier: string, password: string): Promise<Browser> {
	const browser = new Browser(server.origin);
	const response = await browser.postForm('/signin', { identifier, password });
	expect(response.status).toBe(303);
	return browser;
}

const sendJson = (browser: Browser, path: string, body: unknown, method = 'POST') =>
	browser.request(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.origin }, body: JSON.stringify(body) });

async function act(browser: Browser, body: Record<string, unknown>) {
	const response = await sendJson(browser, `/api/officer/dossiers/${dossierId}/actions`, { requestId: randomUUID(), ...body });
	expect(response.status, await response.clone().text()).toBe(200);
}

async function paymentState() {
	const obligations = await database.db.selectFrom('payment_obligations').select(['state', 'paid_payment_id']).where('dossier_id', '=', dossierId).execute();
	const payments = await database.db.selectFrom('payments').select(['state']).where('dossier_id', '=', dossierId).execute();
	return { obligations, payments };
}

beforeAll(async () => {
	server = await startBuiltServer();
	database = openDatabase({ database: { dialect: 'sqlite', filename: join(server.dataDir, 'app.sqlite') } });
	await registerActive(makeDeps(database.db));
	who.anonymous = new Browser(server.origin);
	who.owner = await signedIn(demo('citizen').idNumber, demo('citizen').password);
	who.otherCitizen = await signedIn(other.idNumber, other.password);
	who.foreignOfficer = await signedIn(demo('officer').idNumber, demo('officer').password);
	who.admin = await signedIn(demo('admin').idNumber, demo('admin').password);
	dossierId = randomUUID();
	const put = await sendJson(who.owner, `/api/dossiers/${dossierId}`, manifest({ submittedAt: new Date().toISOString() }), 'PUT');
	expect(put.status).toBe(201);
	// The development server made a demo officer for the dossier's agency.
	const officer = await database.db
		.selectFrom('demo_accounts')
		.innerJoin('accounts', 'accounts.id', 'demo_accounts.account_id')
		.select(['accounts.id_number', 'demo_accounts.password'])
		.where('accounts.agency_code', '=', POLICE_SOC_SON)
		.executeTakeFirstOrThrow();
	who.officer = await signedIn(officer.id_number, officer.password);
	await act(who.officer, { action: 'accept' });
	await act(who.officer, { action: 'start' });
	await act(who.officer, { action: 'request-payment', amount: 16000, items: [{ name: 'Lệ phí đăng ký tạm trú', amount: 16000 }] });
	obligationId = (await database.db.selectFrom('payment_obligations').select('id').where('dossier_id', '=', dossierId).executeTakeFirstOrThrow()).id;
}, 90_000);
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

describe('GET /api/dossiers/{id} (the obligations)', () => {
	it('shows the obligation with its VietQR payload to the owner only', async () => {
		const mine = await (await who.owner.request(`/api/dossiers/${dossierId}`, { headers: { accept: 'application/json' } })).json();
		expect(mine.obligations).toEqual([expect.objectContaining({ id: obligationId, amount: 16000, state: 'pending', vietqr: expect.stringContaining('A000000727') })]);
		const expected = { anonymous: 401, otherCitizen: 404, officer: 404, foreignOfficer: 404, admin: 404 } as const;
		for (const [name, status] of Object.entries(expected)) {
			const response = await who[name as keyof typeof expected].request(`/api/dossiers/${dossierId}`, { headers: { accept: 'application/json' } });
			expect([name, response.status]).toEqual([name, status]);
			expect(await response.text()).not.toContain(obligationId);
		}
	});
});

describe('GET /api/postal-tariff', () => {
	it('is public: everyone gets the same table, the one the desk charges', async () => {
		const answers = [];
		for (const [name, browser] of Object.entries(who)) {
			const response = await browser.request('/api/postal-tariff', { headers: { accept: 'application/json' } });
			expect([name, response.status]).toEqual([name, 200]);
			answers.push(await response.json());
		}
		expect(answers[0]).toMatchObject({ itemGrams: expect.any(Number), bands: expect.any(Array), source: expect.stringContaining('placeholder') });
		for (const a of answers) expect(a).toEqual(answers[0]);
	});
});

describe('POST /api/dossiers/{id}/payments', () => {
	it('lets only the owner start paying; everyone else gets 401 or 404 and nothing is created', async () => {
		const body = { obligationId, method: 'vnpay' };
		const expected = { anonymous: 401, otherCitizen: 404, officer: 404, foreignOfficer: 404, admin: 404 } as const;
		for (const [name, status] of Object.entries(expected)) {
			const response = await sendJson(who[name as keyof typeof expected], `/api/dossiers/${dossierId}/payments`, body);
			expect([name, response.status]).toEqual([name, status]);
		}
		expect((await paymentState()).payments).toEqual([]);
		const started = await sendJson(who.owner, `/api/dossiers/${dossierId}/payments`, body);
		expect(started.status).toBe(201);
		const { redirectUrl } = await started.json();
		expect(redirectUrl).toMatch(new RegExp(`^${server.origin}/dev/payment-gateway\\?.*vnp_SecureHash=[0-9a-f]{128}`));
		expect((await paymentState()).payments).toEqual([{ state: 'pending' }]);
	});

	it('refuses a malformed request with the field named', async () => {
		const response = await sendJson(who.owner, `/api/dossiers/${dossierId}/payments`, { obligationId, method: 'tien-mat' });
		expect(response.status).toBe(400);
		expect((await response.json()).error.fields.method).toMatch(/VNPAY|VietQR/);
	});
});

describe('IPN, development gateway and return page', () => {
	it('answers a forged IPN 97 and changes nothing; the gateway and the return page refuse a forged signature', async () => {
		const started = await (await sendJson(who.owner, `/api/dossiers/${dossierId}/payments`, { obligationId, method: 'vnpay' })).json();
		const query = new URL(started.redirectUrl).search;
		const before = await paymentState();
		const forged = query.replace(/vnp_SecureHash=[0-9a-f]+/, `vnp_SecureHash=${'0'.repeat(128)}`);
		const ipn = await who.anonymous.request(`/api/payments/vnpay/ipn${forged}&vnp_ResponseCode=00&vnp_TransactionStatus=00`, { headers: { accept: 'application/json' } });
		expect(await ipn.json()).toMatchObject({ RspCode: '97' });
		expect(await paymentState()).toEqual(before);

		const gateway = await who.anonymous.request(`/dev/payment-gateway${forged}`);
		expect(await gateway.text()).toContain('Chữ ký của yêu cầu thanh toán không đúng');
		const genuine = await who.anonymous.request(`/dev/payment-gateway${query}`);
		expect(genuine.status).toBe(200);
		// The gateway's confirmation is a form: another site cannot post it.
		const crossSite = await who.anonymous.postForm(`/dev/payment-gateway${query}`, { choice: 'success' }, 'https://evil.example');
		expect(crossSite.status).toBe(403);
		expect(await paymentState()).toEqual(before);

		const returned = await who.anonymous.request(`/payments/vnpay/return${forged}`);
		expect(await returned.text()).toContain('Không xác thực được kết quả thanh toán');
		expect(await paymentState()).toEqual(before);
	});
});

describe('POST /api/officer/dossiers/{id}/payments (at the counter)', () => {
	it("is the agency's officer's alone: 401 signed out, 403 for citizens and the administrator, 404 for another agency", async () => {
		const body = { obligationId, tender: 'cash', receiptNumber: 'BL-000777' };
		const expected = { anonymous: 401, owner: 403, otherCitizen: 403, admin: 403, foreignOfficer: 404 } as const;
		const before = await paymentState();
		for (const [name, status] of Object.entries(expected)) {
			const response = await sendJson(who[name as keyof typeof expected], `/api/officer/dossiers/${dossierId}/payments`, body);
			expect([name, response.status]).toEqual([name, status]);
		}
		expect(await paymentState()).toEqual(before);
		const recorded = await sendJson(who.officer, `/api/officer/dossiers/${dossierId}/payments`, body);
		expect(recorded.status).toBe(200);
		expect(await recorded.json()).toMatchObject({ state: 'paid', payment: { method: 'counter', providerRef: 'BL-000777' } });
		const seen = await (await who.owner.request(`/api/dossiers/${dossierId}`, { headers: { accept: 'application/json' } })).json();
		expect(seen).toMatchObject({ status: 4, obligations: [{ state: 'paid', payment: { method: 'counter', providerRef: 'BL-000777' } }] });
	});
});

describe('GET /api/dossiers/{id}/receipt (the issued e-receipt)', () => {
	const receiptRows = () => database.db.selectFrom('papers').select(['id', 'sha256']).where('dossier_id', '=', dossierId).where('type_id', '=', 'bien-lai-thu-phi').orderBy('created_at').execute();

	it("is issued when the fee is paid, not when the citizen's papers are read: GET /api/documents writes nothing", async () => {
		// The counter payment above settled the fee: its receipt exists before anyone listed anything.
		const issued = await receiptRows();
		expect(issued).toHaveLength(1);
		// A receipt missing (as for a fee paid before this release): listing the papers does not make it.
		await database.db.deleteFrom('papers').where('id', '=', issued[0].id).execute();
		const tables = async () => ({
			papers: (await database.db.selectFrom('papers').select('id').execute()).length,
			blobs: (await database.db.selectFrom('blobs').select('sha256').execute()).length
		});
		const before = await tables();
		const listed = await who.owner.request('/api/documents', { headers: { accept: 'application/json' } });
		expect(listed.status).toBe(200);
		expect((await listed.json()).papers.map((p: { id: string }) => p.id)).not.toContain(issued[0].id);
		expect(await tables()).toEqual(before);
		expect(await receiptRows()).toEqual([]);
	});

	it("serves the same receipt PDF to the citizen, the agency's officers and the administrator only, and lists it in the citizen's store as issued", async () => {
		const path = `/api/dossiers/${dossierId}/receipt?obligation=${obligationId}&download=1`;
		for (const [name, status] of Object.entries({ anonymous: 401, otherCitizen: 404, foreignOfficer: 404 } as const)) {
			const response = await who[name as keyof typeof who].request(path, { headers: { accept: 'application/json' } });
			expect([name, response.status]).toEqual([name, status]);
		}
		const bodies: Uint8Array[] = [];
		for (const name of ['owner', 'officer', 'admin'] as const) {
			const response = await who[name].request(path);
			expect([name, response.status]).toEqual([name, 200]);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
			bodies.push(new Uint8Array(await response.arrayBuffer()));
		}
		expect(new TextDecoder().decode(bodies[0].slice(0, 5))).toBe('%PDF-');
		expect(bodies[1]).toEqual(bodies[0]);
		expect(bodies[2]).toEqual(bodies[0]);
		const sha = createHash('sha256').update(bodies[0]).digest('hex');
		const listed = await (await who.owner.request('/api/documents', { headers: { accept: 'application/json' } })).json();
		const receipt = listed.papers.filter((p: { metadata: { typeId: string }; dossier: { id: string } }) => p.metadata.typeId === 'bien-lai-thu-phi' && p.dossier.id === dossierId);
		expect(receipt).toEqual([expect.objectContaining({ origin: 'issued', file: expect.objectContaining({ sha256: sha, type: 'application/pdf' }), metadata: expect.objectContaining({ number: 'BL-000777' }) })]);
		// Fetched back from the store (after a deletion on the phone): the same bytes.
		const back = await who.owner.request(`/api/documents/${receipt[0].id}/file`);
		expect(new Uint8Array(await back.arrayBuffer())).toEqual(bodies[0]);
		expect((await who.otherCitizen.request(`/api/documents/${receipt[0].id}/file`)).status).toBe(404);
		expect(await receiptRows()).toHaveLength(1);
	});

	it('with a second paid fee, names the fee: without `obligation` the request is refused as ambiguous (400, in the error envelope)', async () => {
		await act(who.officer, { action: 'request-payment', amount: 5000, items: [{ name: 'Phí cấp bản sao', amount: 5000 }] });
		const second = (await database.db.selectFrom('payment_obligations').select('id').where('dossier_id', '=', dossierId).where('id', '!=', obligationId).executeTakeFirstOrThrow()).id;
		const paid = await sendJson(who.officer, `/api/officer/dossiers/${dossierId}/payments`, { obligationId: second, tender: 'cash', receiptNumber: 'BL-000778' });
		expect(paid.status).toBe(200);
		expect(await receiptRows()).toHaveLength(2);

		for (const name of ['owner', 'officer', 'admin'] as const) {
			const response = await who[name].request(`/api/dossiers/${dossierId}/receipt`, { headers: { accept: 'application/json' } });
			expect([name, response.status]).toEqual([name, 400]);
			const { error } = await response.json();
			expect(error).toMatchObject({ code: 'obligation_required', message: expect.stringMatching(/^Hồ sơ này có 2 khoản phí đã thanh toán/) });
			expect(error.details.obligations.map((o: { id: string }) => o.id).sort()).toEqual([obligationId, second].sort());
		}
		// Strangers learn nothing more than before: still "no such dossier".
		for (const [name, status] of Object.entries({ anonymous: 401, otherCitizen: 404, foreignOfficer: 404 } as const)) {
			const response = await who[name as keyof typeof who].request(`/api/dossiers/${dossierId}/receipt`, { headers: { accept: 'application/json' } });
			expect([name, response.status]).toEqual([name, status]);
		}
		const hashes = new Set<string>();
		for (const id of [obligationId, second]) {
			const response = await who.owner.request(`/api/dossiers/${dossierId}/receipt?obligation=${id}`);
			expect(response.status).toBe(200);
			hashes.add(createHash('sha256').update(new Uint8Array(await response.arrayBuffer())).digest('hex'));
		}
		expect(hashes.size).toBe(2);
	});
});

describe('the result file, the rating and the desk aggregate', () => {
	it('serves the result file to the owner only, lets only the owner rate once after the result, and shows each agency its own ratings', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
		const upload = await who.officer.request(`/api/officer/dossiers/${dossierId}/files?name=${encodeURIComponent('Kết quả tạm trú.pdf')}`, {
			method: 'POST',
			headers: { 'content-type': 'application/pdf', accept: 'application/json', origin: server.origin },
			body: pdf
		});
		expect(upload.status).toBe(201);
		const file = await upload.json();
		const body = { score: 5, answers: { onTime: 5, guidance: 5, fees: 4 } };
		const early = await sendJson(who.owner, `/api/dossiers/${dossierId}/rating`, body);
		expect(early.status).toBe(422);
		await act(who.officer, { action: 'finish', result: { sha256: file.sha256, name: file.name } });
		await act(who.officer, { action: 'return' });

		const path = `/api/dossiers/${dossierId}/files/${file.sha256}?download=1`;
		for (const [name, status] of Object.entries({ anonymous: 401, otherCitizen: 404, officer: 404, foreignOfficer: 404, admin: 404 } as const)) {
			const response = await who[name as keyof typeof who].request(path, { headers: { accept: 'application/json' } });
			expect([name, response.status]).toEqual([name, status]);
		}
		const download = await who.owner.request(path);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);

		for (const [name, status] of Object.entries({ anonymous: 401, otherCitizen: 404, officer: 404, foreignOfficer: 404, admin: 404 } as const)) {
			const response = await sendJson(who[name as keyof typeof who], `/api/dossiers/${dossierId}/rating`, body);
			expect([name, response.status]).toEqual([name, status]);
		}
		expect((await sendJson(who.owner, `/api/dossiers/${dossierId}/rating`, body)).status).toBe(201);
		const twice = await sendJson(who.owner, `/api/dossiers/${dossierId}/rating`, body);
		expect([twice.status, (await twice.json()).error.code]).toEqual([409, 'already_rated']);

		const summary = (b: Browser) => b.request('/api/officer/ratings', { headers: { accept: 'application/json' } });
		expect((await summary(who.anonymous)).status).toBe(401);
		expect((await summary(who.owner)).status).toBe(403);
		expect(await (await summary(who.officer)).json()).toMatchObject({ agencyCode: POLICE_SOC_SON, count: 1, average: 5, byScore: [0, 0, 0, 0, 1] });
		expect(await (await summary(who.foreignOfficer)).json()).toMatchObject({ count: 0, average: null });
		const desk = await (await who.officer.request('/officer')).text();
		expect(desk).toContain('Mức độ hài lòng của người dân');
		expect(desk).toContain('5/5');
	});
});

describe('bank-transfer reconciliation (POST /api/payments/bank-statement, /admin/bank-statement)', () => {
	async function pendingObligation() {
		const id = randomUUID();
		const put = await sendJson(who.owner, `/api/dossiers/${id}`, manifest({ submittedAt: new Date().toISOString() }), 'PUT');
		expect(put.status).toBe(201);
		dossierId = id;
		await act(who.officer, { action: 'accept' });
		await act(who.officer, { action: 'start' });
		await act(who.officer, { action: 'request-payment', amount: 16000, items: [{ name: 'Lệ phí đăng ký tạm trú', amount: 16000 }] });
		return database.db.selectFrom('payment_obligations').select(['id', 'reference', 'state']).where('dossier_id', '=', id).executeTakeFirstOrThrow();
	}
	const statement = (lines: unknown[], token?: string) => ({
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: JSON.stringify({ lines })
	});

	it('opens the webhook with the bearer token only (no session does), and pays a matching transfer once', async () => {
		const ob = await pendingObligation();
		const lines = [{ transactionId: `FT-${randomUUID()}`, amount: 16000, description: `CT ${ob.reference} le phi`, at: '2026-12-07T09:15:00+07:00' }];
		for (const [name, browser] of Object.entries(who)) {
			const response = await browser.request('/api/payments/bank-statement', statement(lines));
			expect([name, response.status]).toEqual([name, 401]);
		}
		expect((await who.admin.request('/api/payments/bank-statement', statement(lines, 'not-the-token'))).status).toBe(401);
		expect((await database.db.selectFrom('payment_obligations').select('state').where('id', '=', ob.id).executeTakeFirstOrThrow()).state).toBe('pending');

		const first = await who.anonymous.request('/api/payments/bank-statement', statement(lines, 'development-bank-statement-token'));
		expect(first.status).toBe(200);
		expect((await first.json()).results).toMatchObject([{ outcome: 'paid', reference: ob.reference }]);
		const again = await who.anonymous.request('/api/payments/bank-statement', statement(lines, 'development-bank-statement-token'));
		expect((await again.json()).results).toMatchObject([{ outcome: 'replayed' }]);
		const bad = await who.anonymous.request('/api/payments/bank-statement', statement([{ ...lines[0], amount: -1 }], 'development-bank-statement-token'));
		expect([bad.status, (await bad.json()).error.code]).toEqual([400, 'invalid_input']);
		expect((await database.db.selectFrom('payments').select('state').where('obligation_id', '=', ob.id).execute()).map((p) => p.state)).toEqual(['paid']);
	});

	it('lists unmatched transfers to staff only, and lets only the agency\'s officer or the administrator match one to an open fee', async () => {
		const ob = await pendingObligation();
		const transferId = `FT-HAND-${randomUUID().slice(0, 8)}`;
		const pushed = await who.anonymous.request('/api/payments/bank-statement', statement([{ transactionId: transferId, amount: 16000, description: 'chuyen tien le phi', at: '2026-12-07T09:15:00+07:00' }], 'development-bank-statement-token'));
		expect((await pushed.json()).results).toMatchObject([{ outcome: 'no_reference' }]);

		const list = (b: Browser) => b.request('/api/officer/bank-transfers?amount=16000', { headers: { accept: 'application/json' } });
		for (const [name, status] of Object.entries({ anonymous: 401, owner: 403, otherCitizen: 403, officer: 200, foreignOfficer: 200, admin: 200 } as const)) {
			const response = await list(who[name as keyof typeof who]);
			expect([name, response.status]).toEqual([name, status]);
			if (status !== 200) expect(await response.text()).not.toContain(transferId);
		}
		expect((await (await list(who.officer)).json()).transfers).toEqual(expect.arrayContaining([expect.objectContaining({ id: transferId, amount: 16000 })]));
		expect((await who.officer.request('/api/officer/bank-transfers?amount=abc', { headers: { accept: 'application/json' } })).status).toBe(400);

		const body = { transferId, obligationId: ob.id };
		const match = (b: Browser) => sendJson(b, `/api/officer/dossiers/${dossierId}/payments/match`, body);
		for (const [name, status] of Object.entries({ anonymous: 401, owner: 403, otherCitizen: 403, foreignOfficer: 404 } as const)) {
			const response = await match(who[name as keyof typeof who]);
			expect([name, response.status]).toEqual([name, status]);
		}
		expect((await database.db.selectFrom('payment_obligations').select('state').where('id', '=', ob.id).executeTakeFirstOrThrow()).state).toBe('pending');
		const matched = await match(who.officer);
		expect(matched.status, await matched.clone().text()).toBe(200);
		expect(await matched.json()).toMatchObject({ state: 'paid', payment: { method: 'vietqr', providerRef: transferId } });
		const seen = await (await who.owner.request(`/api/dossiers/${dossierId}`, { headers: { accept: 'application/json' } })).json();
		expect(seen).toMatchObject({ status: 4, obligations: [{ state: 'paid', payment: { providerRef: transferId } }] });

		// The spent line cannot pay the administrator's next match of another fee.
		const next = await pendingObligation();
		const again = await sendJson(who.admin, `/api/officer/dossiers/${dossierId}/payments/match`, { transferId, obligationId: next.id });
		expect([again.status, (await again.json()).error.code]).toEqual([409, 'transfer_matched']);
		const fresh = `FT-HAND-${randomUUID().slice(0, 8)}`;
		await who.anonymous.request('/api/payments/bank-statement', statement([{ transactionId: fresh, amount: 16000, description: 'nop phi', at: '2026-12-07T09:20:00+07:00' }], 'development-bank-statement-token'));
		const byAdmin = await sendJson(who.admin, `/api/officer/dossiers/${dossierId}/payments/match`, { transferId: fresh, obligationId: next.id });
		expect(byAdmin.status).toBe(200);
	});

	it('lets the administrator only import a CSV statement, and says what each line did', async () => {
		const ob = await pendingObligation();
		expect((await who.anonymous.request('/admin/bank-statement', { redirect: 'manual' })).status).toBe(303);
		for (const name of ['owner', 'officer', 'foreignOfficer'] as const) expect([name, (await who[name].request('/admin/bank-statement')).status]).toEqual([name, 403]);
		expect((await who.admin.request('/admin/bank-statement')).status).toBe(200);

		const csv = `Mã GD,Số tiền,Nội dung,Thời gian\nFT-CSV-${ob.id},15.000,"${ob.reference} le phi",07/12/2026 09:15\nFT-CSV2-${ob.id},16.000,"${ob.reference}",07/12/2026 09:20\n`;
		const post = (b: Browser) => b.postForm('/admin/bank-statement', { statement: csv });
		expect((await post(who.officer)).status).toBe(403);
		const answer = await post(who.admin);
		expect(answer.status).toBe(200);
		const text = await answer.text();
		expect(text).toContain('amount_mismatch');
		expect(text).toContain('paid');
		expect((await database.db.selectFrom('payment_obligations').select('state').where('id', '=', ob.id).executeTakeFirstOrThrow()).state).toBe('paid');
	});
});
