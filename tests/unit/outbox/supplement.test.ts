import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { networkFailure } from '$lib/client/api';
import { getCachedDossier, setPendingAction, storeDossierDetail } from '$lib/client/db/dossier-cache';
import { getEntry } from '$lib/client/db/outbox';
import { runOutbox } from '$lib/client/sync/engine';
import { actionEntries, adoptWaitingSupplements, discardAction, queueSupplement, queueWithdrawal, resendAction } from '$lib/client/sync/actions';
import type { CitizenDossier } from '$lib/domain/wire/workflow';
import { freshDb, json, scriptedDeps, sha } from './helpers';

// Issue 11.4: a supplement ("bổ sung") or a withdrawal ("rút hồ sơ") is frozen in the outbox when
// the person presses the button and sent by the one engine (page or service worker) like a first
// submission — the new papers over resumable tus, then the action — under one request id however
// many times it is sent, so the server applies it once; a refusal is kept with its reason.

const dbs: ReturnType<typeof freshDb>[] = [];
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

const ID = '0190a7a4-0000-7000-8000-000000000001';
const asked: CitizenDossier = {
	id: ID,
	code: 'C01.11.30.H26-260302-0001',
	procedure: { code: '1.004194', name: 'Đăng ký tạm trú' },
	status: 5,
	statusName: 'Yêu cầu bổ sung giấy tờ',
	receivedAt: '2026-03-02T03:00:00.000Z',
	appointmentDate: '2026-03-09',
	receipt: {
		dossierId: ID,
		code: 'C01.11.30.H26-260302-0001',
		procedureCode: '1.004194',
		procedureName: 'Đăng ký tạm trú',
		receivedAt: '2026-03-02T03:00:00.000Z',
		appointmentDate: '2026-03-05',
		status: 1,
		agencyName: 'Công an xã Sóc Sơn'
	},
	manifest: {
		version: 1,
		procedureCode: '1.004194',
		answers: { residenceProofFile: [{ sha256: sha(1), name: 'cu.pdf', size: 10, type: 'application/pdf' }] },
		attachments: [{ slot: 'residenceProofFile', sha256: sha(1), name: 'cu.pdf', size: 10, type: 'application/pdf' }],
		delivery: { method: 'counter' },
		agencyCode: 'C01.11.30.H26',
		submittedAt: '2026-03-02T02:59:00.000Z'
	},
	events: [],
	version: 1,
	timeline: [],
	results: [],
	nextActions: ['supplement', 'withdraw']
};


const answer = (requestId: string, code: number, name: string) =>
	json(200, {
		dossierId: ID,
		requestId,
		status: { code, name },
		appointmentDate: '2026-03-09',
		event: { id: 'e1', at: '2026-03-03T02:00:00.000Z', action: 'supplement', actor: { role: 'citizen', name: null, agencyCode: null }, from: { code: 5, name: 'x' }, to: { code, name }, note: null, payload: null }
	});

function fresh() {
	const db = freshDb();
	dbs.push(db);
	return db;
}
const pdf = (name: string) => new File([new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3])], name, { type: 'application/pdf' });

describe('a supplement goes through the outbox', () => {
	it('waits offline, resumes its upload when the line is back, and is sent under one request id until answered, once', async () => {
		const db = fresh();
		const { entry, created } = await queueSupplement(db, asked, [{ slot: 'residenceProofFile', file: pdf('hop-dong.pdf') }], '  Đã bổ sung  ');
		expect(created).toBe(true);
		expect(entry).toMatchObject({ state: 'queued', draftId: '', action: { dossierId: ID, name: 'supplement', expectedStatus: 5, note: 'Đã bổ sung' } });
		expect(entry.manifest.attachments.map((a) => a.name)).toEqual(['cu.pdf', 'hop-dong.pdf']);
		// Only the added paper is uploaded; a second press returns the same entry.
		expect(entry.progress.map((p) => p.total)).toEqual([8]);
		expect((await queueSupplement(db, asked, [{ slot: 'residenceProofFile', file: pdf('khac.pdf') }], '')).created).toBe(false);

		// The line drops after the upload began: back in the queue, the upload address kept.
		const offline = scriptedDeps({
			check: [() => json(200, { present: [] })],
			upload: [async (r) => {
				await r.onUploadUrl('/api/uploads/u1');
				throw networkFailure();
			}]
		});
		await runOutbox(db, offline.deps);
		const waiting = await getEntry(db, entry.id);
		expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
		expect(waiting!.progress[0].uploadUrl).toBe('/api/uploads/u1');

		// Back online: the upload resumes, then the action is sent once and the entry is received.
		const resumed: (string | undefined)[] = [];
		const online = scriptedDeps({
			check: [() => json(200, { present: [] })],
			upload: [async (r) => void resumed.push(r.uploadUrl)],
			put: [() => answer(entry.id, 4, 'Đang giải quyết')]
		});
		await runOutbox(db, online.deps, { force: true });
		expect(resumed).toEqual(['/api/uploads/u1']);
		expect(online.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/blobs/check', `POST /api/dossiers/${ID}/actions`]);
		expect(online.calls[1].body).toEqual({ requestId: entry.id, action: 'supplement', expectedStatus: 5, note: 'Đã bổ sung', manifest: entry.manifest });
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'received', action: { status: { code: 4 } } });
		// Nothing left to send.
		const again = scriptedDeps({});
		await runOutbox(db, again.deps, { force: true });
		expect(again.calls).toEqual([]);
	});

	it('a refusal because the desk decided first is kept with the status, not sent again; "Gửi lại" is a new request, "Bỏ" drops it', async () => {
		const db = fresh();
		const { entry } = await queueSupplement(db, asked, [{ slot: 'residenceProofFile', file: pdf('hop-dong.pdf') }], '');
		const s = scriptedDeps({
			check: [() => json(200, { present: [entry.progress[0].sha256] })],
			put: [() => json(409, { error: { code: 'status_changed', message: 'Không thể bổ sung hồ sơ: hồ sơ đang ở trạng thái "Dừng xử lý".', details: { status: { code: 8, name: 'Dừng xử lý' } } } })]
		});
		await runOutbox(db, s.deps);
		expect(s.uploads).toHaveLength(0); // the server had the paper already
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'needs-attention', action: { refusedCode: 'status_changed', status: { code: 8, name: 'Dừng xử lý' } } });
		await runOutbox(db, scriptedDeps({}).deps, { force: true }); // not due any more: nothing sent

		await resendAction(db, entry.id);
		const [again] = await actionEntries(db, ID);
		expect(again.id).not.toBe(entry.id);
		expect(again).toMatchObject({ state: 'queued', action: { name: 'supplement' } });
		expect(again.action?.refusedCode).toBeUndefined();
		await db.outbox.update(again.id, { state: 'needs-attention' } as never);
		await discardAction(db, again.id);
		expect(await actionEntries(db, ID)).toEqual([]);
	});

	it('a supplement an earlier release kept waiting in the dossier cache joins the outbox under its own request id', async () => {
		const db = fresh();
		await storeDossierDetail(db, asked);
		const requestId = '0190a7a4-0000-7000-8000-0000000000aa';
		const added = { slot: 'residenceProofFile', sha256: sha(2), name: 'moi.pdf', size: 20, type: 'application/pdf' as const };
		await setPendingAction(db, ID, {
			requestId,
			action: 'supplement',
			expectedStatus: 5,
			manifest: { ...asked.manifest, attachments: [...asked.manifest.attachments, added] },
			files: [{ sha256: sha(2), name: 'moi.pdf', size: 20, type: 'application/pdf', uploadUrl: '/api/uploads/u9' }],
			createdAt: '2026-03-03T01:00:00.000Z'
		});
		expect(await adoptWaitingSupplements(db)).toBe(1);
		expect(await getEntry(db, requestId)).toMatchObject({ state: 'queued', action: { name: 'supplement', expectedStatus: 5 }, progress: [{ sha256: sha(2), uploadUrl: '/api/uploads/u9' }] });
		expect((await getCachedDossier(db, ID))?.pendingAction).toBeUndefined();
		expect(await adoptWaitingSupplements(db)).toBe(0);
	});
});

describe('a withdrawal goes through the outbox', () => {
	it('is queued with nothing to upload and sent once as a withdraw request', async () => {
		const db = fresh();
		const { entry } = await queueWithdrawal(db, asked, ' Tôi chuyển nơi ở ');
		expect(entry).toMatchObject({ state: 'queued', progress: [], action: { name: 'withdraw', note: 'Tôi chuyển nơi ở' } });
		const offline = scriptedDeps({});
		await runOutbox(db, offline.deps);
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'queued', attempts: 1 });
		const online = scriptedDeps({ put: [() => answer(entry.id, 7, 'Đã rút')] });
		await runOutbox(db, online.deps, { force: true });
		expect(online.calls.map((c) => c.body)).toEqual([{ requestId: entry.id, action: 'withdraw', expectedStatus: 5, note: 'Tôi chuyển nơi ở' }]);
		expect(await getEntry(db, entry.id)).toMatchObject({ state: 'received', action: { status: { code: 7, name: 'Đã rút' } } });
	});
});
