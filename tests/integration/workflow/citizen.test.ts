import { describe, expect, it } from 'vitest';
import { closingReason, openSupplementRequest } from '$lib/domain/timeline';
import { applyAction } from '$lib/server/workflow/actions';
import { citizenDossier, serveCitizenFile } from '$lib/server/workflow/citizen';
import { officerDossier } from '$lib/server/workflow/inbox';
import { accountError as refusal } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';
import { act, citizen, giveBlob, manifest, sha, world } from './fixtures';

describe("the citizen's dossier (service)", () => {
	forEachDatabase((t) => {
		it("shows the owner the desk's own events, the open supplement request, the result and only the actions open to them", async () => {
			const { db } = t();
			const w = await world(db);
			const { deps, officer, owner, dossierId } = w;

			const fresh = await citizenDossier(db, owner, dossierId);
			expect(fresh.nextActions).toEqual(['withdraw']);
			expect(fresh.timeline).toMatchObject([{ action: 'submit', to: { code: 1 } }]);

			w.clock.advance(5);
			await applyAction(deps, officer, dossierId, act('accept'));
			w.clock.advance(5);
			await applyAction(deps, officer, dossierId, act('request-supplement', { missing: ['Hợp đồng thuê nhà', 'Ảnh <b>CCCD</b>'], note: 'Chụp rõ trang có chữ ký' }));
			const asked = await citizenDossier(db, owner, dossierId);
			expect([asked.status, asked.nextActions]).toEqual([5, ['supplement', 'withdraw']]);
			const request = openSupplementRequest(asked.timeline, asked.status);
			expect(request?.payload).toEqual({ missing: ['Hợp đồng thuê nhà', 'Ảnh <b>CCCD</b>'] });
			expect(request?.note).toBe('Chụp rõ trang có chữ ký');

			// The two views never disagree: the same rows, in the same order, with the same facts.
			const desk = await officerDossier(db, officer, dossierId, w.clock.now);
			expect(asked.timeline).toEqual(desk.events);

			await giveBlob(db, owner.id, sha(2));
			w.clock.advance(30);
			await applyAction(deps, owner, dossierId, act('supplement', { manifest: manifest({}, [{ sha256: sha(1) }, { sha256: sha(2) }]) }));
			await giveBlob(db, officer.id, sha(9), 5000, 'application/pdf');
			w.clock.advance(30);
			await applyAction(deps, officer, dossierId, act('finish', { result: { sha256: sha(9), name: 'ket-qua.pdf' } }));
			const done = await citizenDossier(db, owner, dossierId);
			expect(done.version).toBe(2);
			expect(done.nextActions).toEqual([]);
			expect(done.results).toEqual([{ sha256: sha(9), name: 'ket-qua.pdf', size: 5000, type: 'application/pdf', slot: 'result', url: `/api/dossiers/${dossierId}/files/${sha(9)}` }]);
			expect(done.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'request-supplement', 'supplement', 'finish']);
			expect(done.timeline).toEqual((await officerDossier(db, officer, dossierId, w.clock.now)).events);
		});

		it('says why a refused dossier ended', async () => {
			const { db } = t();
			const { deps, officer, owner, dossierId } = await world(db);
			await applyAction(deps, officer, dossierId, act('refuse', { reason: 'Sai thẩm quyền: nộp tại Công an xã nơi cư trú' }));
			const refused = await citizenDossier(db, owner, dossierId);
			expect(refused.nextActions).toEqual([]);
			expect(closingReason(refused.timeline, refused.status)).toBe('Sai thẩm quyền: nộp tại Công an xã nơi cư trú');
		});

		it("answers another citizen, an officer and a malformed id as if the dossier did not exist, files included", async () => {
			const { db } = t();
			const { officer, dossierId } = await world(db);
			const stranger = await citizen(db, 'B');
			for (const who of [stranger, officer]) {
				expect((await refusal(citizenDossier(db, who, dossierId))).code).toBe('not_found');
				expect((await refusal(serveCitizenFile(db, '/nonexistent', who, dossierId, sha(1), false))).code).toBe('not_found');
			}
			expect((await refusal(citizenDossier(db, stranger, 'not-an-id'))).code).toBe('not_found');
		});
	});
});
