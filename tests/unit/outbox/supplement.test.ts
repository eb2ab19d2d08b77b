import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, networkFailure } from '$lib/client/api';
import type { dossiersApi } from '$lib/client/api/dossiers';
import { getCachedDossier, listPendingActions, storeDossierDetail } from '$lib/client/db/dossier-cache';
import { queueSupplement, sendPending } from '$lib/client/my-dossiers';
import type { UploadRequest } from '$lib/client/sync/uploader';
import type { CitizenDossier } from '$lib/domain/wire/workflow';
import { freshDb, sha } from './helpers';

// Issue 11.4: a supplement is frozen on the phone when "Gửi bổ sung" is pressed and sent from
// there — the missing papers over tus, then the action — with one request id however many
// times it is sent, so it is applied once; a refusal is kept with its message.

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

type Api = ReturnType<typeof dossiersApi>;
function fakeApi(act: Api['act'], present: string[] = []) {
	const calls: Parameters<Api['act']>[1][] = [];
	const api = {
		checkBlobs: async () => present,
		act: async (id: string, request: Parameters<Api['act']>[1]) => {
			calls.push(request);
			return act(id, request);
		},
		getDossier: async () => ({ ...asked, status: 4, statusName: 'Đang xử lý', version: 2, nextActions: ['withdraw' as const] })
	} as unknown as Api;
	return { api, calls };
}

async function queued() {
	const db = freshDb();
	dbs.push(db);
	await storeDossierDetail(db, asked);
	const file = new File([new Uint8Array([37, 80, 68, 70, 1, 2, 3])], 'hop-dong.pdf', { type: 'application/pdf' });
	const pending = await queueSupplement(db, asked, [{ slot: 'residenceProofFile', file }], '  Đã bổ sung  ');
	return { db, pending };
}

describe('sending a supplement from the device', () => {
	it('keeps it through a lost connection, resumes the upload, and sends the same request id until it is answered', async () => {
		const { db, pending } = await queued();
		expect(pending.files).toHaveLength(1);
		expect((pending.manifest as CitizenDossier['manifest']).attachments.map((a) => a.name)).toEqual(['cu.pdf', 'hop-dong.pdf']);
		// A refresh of the dossier does not lose it.
		await storeDossierDetail(db, asked);
		expect((await getCachedDossier(db, ID))?.pendingAction?.requestId).toBe(pending.requestId);

		const uploads: UploadRequest[] = [];
		const dropAfterUrl = async (r: UploadRequest) => {
			uploads.push(r);
			await r.onUploadUrl('/api/uploads/u1');
			throw networkFailure();
		};
		const offline = fakeApi(async () => {
			throw networkFailure();
		});
		const first = await sendPending(db, ID, offline.api, dropAfterUrl);
		expect(first).toMatchObject({ sent: false, failure: { kind: 'network' } });
		expect(offline.calls).toHaveLength(0);
		const kept = (await getCachedDossier(db, ID))?.pendingAction;
		expect([kept?.refused, kept?.files[0].uploadUrl]).toEqual([undefined, '/api/uploads/u1']);

		const answered = fakeApi(async () => ({}) as never);
		const resumed: (string | undefined)[] = [];
		const second = await sendPending(db, ID, answered.api, async (r) => void resumed.push(r.uploadUrl));
		expect(second?.sent).toBe(true);
		expect(resumed).toEqual(['/api/uploads/u1']);
		expect(answered.calls).toEqual([
			{ requestId: pending.requestId, action: 'supplement', expectedStatus: 5, note: 'Đã bổ sung', manifest: pending.manifest }
		]);
		const after = await getCachedDossier(db, ID);
		expect([after?.pendingAction, after?.status]).toEqual([undefined, 4]);
		expect(await sendPending(db, ID, answered.api, dropAfterUrl)).toBeNull();
	});

	it('uploads nothing the server already holds, and keeps a refusal with its message instead of sending it again', async () => {
		const { db, pending } = await queued();
		const refused = fakeApi(async () => {
			throw new ApiFailure('http', 409, { code: 'status_changed', message: 'Không thể bổ sung hồ sơ: hồ sơ đang ở trạng thái "Dừng xử lý".' });
		}, [pending.files[0].sha256]);
		const uploads: UploadRequest[] = [];
		const outcome = await sendPending(db, ID, refused.api, async (r) => void uploads.push(r));
		expect(outcome).toMatchObject({ sent: false, failure: { status: 409 } });
		expect(uploads).toHaveLength(0);
		expect((await getCachedDossier(db, ID))?.pendingAction?.refused).toMatch(/Dừng xử lý/);
		expect(await listPendingActions(db)).toEqual([]);
		expect(await sendPending(db, ID, refused.api, async () => {})).toBeNull();
		expect(refused.calls).toHaveLength(1);
	});
});
