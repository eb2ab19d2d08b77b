/**
 * Results and rating: handing over (status 10) goes the way the citizen chose when sending —
 * by post only with a postal item number, recorded with the checked address and the postal
 * fee — and the owner rates the service once, after the result; the desk sees the aggregate.
 */
import { describe, expect, it } from 'vitest';
import { postalFee } from '$lib/domain/postal';
import { postalTariff } from '$lib/server/postal-tariff';
import { applyAction } from '$lib/server/workflow/actions';
import { rateDossier, ratingSummary } from '$lib/server/results/rating';
import { resultOf } from '$lib/server/results/view';
import { accountError as refusal } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';
import { act, citizen, giveBlob, sha, world, type World } from '../workflow/fixtures';

const rating = { score: 4, answers: { onTime: 5, guidance: 4, fees: 3 }, comment: '  Cán bộ hướng dẫn rõ ràng  ' };

async function finished(w: World) {
	const { deps, officer, dossierId } = w;
	await applyAction(deps, officer, dossierId, act('accept'));
	await applyAction(deps, officer, dossierId, act('start'));
	await giveBlob(deps.db, officer.id, sha(9), 5000, 'application/pdf');
	await applyAction(deps, officer, dossierId, act('finish', { result: { sha256: sha(9), name: 'ket-qua.pdf' } }));
}

describe('results and rating', () => {
	forEachDatabase((t) => {
		it('by post: refuses handing over without the item number, then records it with the address and the postal fee', async () => {
			const { db } = t();
			const w = await world(db);
			// The citizen chose post when sending (this procedure offers online or counter; the choice is what matters here).
			const row = await db.selectFrom('dossiers').select(['manifest', 'agency_code']).where('id', '=', w.dossierId).executeTakeFirstOrThrow();
			const address = { provinceCode: '01', communeCode: '00376', street: 'Số 5, thôn Đông' };
			const manifest = { ...JSON.parse(row.manifest), delivery: { method: 'post', address } };
			await db.updateTable('dossiers').set({ manifest: JSON.stringify(manifest) }).where('id', '=', w.dossierId).execute();
			await finished(w);

			const missing = await refusal(applyAction(w.deps, w.officer, w.dossierId, act('return')));
			expect([missing.status, missing.code, Object.keys(missing.fields ?? {})]).toEqual([400, 'invalid_input', ['trackingNumber']]);
			const bad = await refusal(applyAction(w.deps, w.officer, w.dossierId, act('return', { trackingNumber: 'EB 12' })));
			expect(bad.fields?.trackingNumber).toMatch(/8–20/);

			const done = await applyAction(w.deps, w.officer, w.dossierId, act('return', { trackingNumber: 'eb123456789vn' }));
			expect(done).toMatchObject({ status: { code: 10 }, event: { payload: { delivery: 'post', trackingNumber: 'EB123456789VN' } } });
			const agency = await db.selectFrom('agencies').select('province_code').where('code', '=', row.agency_code).executeTakeFirstOrThrow();
			const view = await resultOf(db, { id: w.dossierId, agency_code: row.agency_code, delivery: manifest.delivery });
			expect(view).toEqual({
				delivery: {
					method: 'post',
					address: expect.stringMatching(/^Số 5, thôn Đông, .+, Thành phố Hà Nội$/),
					postalFee: postalFee(postalTariff(), agency.province_code, '01'),
					trackingNumber: 'EB123456789VN',
					handedOverAt: expect.any(String)
				},
				files: [{ sha256: sha(9), name: 'ket-qua.pdf', size: 5000, type: 'application/pdf' }]
			});
		});

		it('online: handed over with the file; the owner rates once after the result, nobody else, and the desk sees the aggregate', async () => {
			const { db } = t();
			const w = await world(db);
			await finished(w);
			const early = await refusal(rateDossier(db, w.owner.id, w.dossierId, rating));
			expect([early.status, early.code]).toEqual([422, 'action_not_allowed']);
			const handed = await applyAction(w.deps, w.officer, w.dossierId, act('return'));
			expect(handed.event.payload).toEqual({ delivery: 'online' });

			const stranger = await citizen(db, 'B');
			expect((await refusal(rateDossier(db, stranger.id, w.dossierId, rating))).code).toBe('not_found');
			const incomplete = await refusal(rateDossier(db, w.owner.id, w.dossierId, { score: 6, answers: { onTime: 5 } }));
			expect(incomplete.code).toBe('invalid_input');

			const [first, second] = await Promise.allSettled([rateDossier(db, w.owner.id, w.dossierId, rating), rateDossier(db, w.owner.id, w.dossierId, rating)]);
			const outcomes = [first, second].map((r) => (r.status === 'fulfilled' ? 'rated' : (r.reason as { code: string }).code)).sort();
			expect(outcomes).toEqual(['already_rated', 'rated']);
			const again = await refusal(rateDossier(db, w.owner.id, w.dossierId, { ...rating, score: 1 }));
			expect([again.status, again.code]).toEqual([409, 'already_rated']);

			expect(await ratingSummary(db, w.officer.agencyCode)).toEqual({
				agencyCode: w.officer.agencyCode,
				count: 1,
				average: 4,
				byScore: [0, 0, 0, 1, 0],
				questions: { onTime: 5, guidance: 4, fees: 3 }
			});
			expect((await ratingSummary(db, w.foreign.agencyCode)).count).toBe(0);
			const stored = await db.selectFrom('dossier_ratings').select('comment').executeTakeFirstOrThrow();
			expect(stored.comment).toBe('Cán bộ hướng dẫn rõ ràng');
		});
	});
});
