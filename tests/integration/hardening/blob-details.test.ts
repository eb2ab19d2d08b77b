/**
 * Issue 12, defect 7: the file details a manifest states (type and size, in the attachment
 * list and in the answers) must be those of the verified blob the server stores; a manifest
 * calling a 956-byte PNG "image/jpeg, 1 byte" is refused.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitDossier, type DossierDeps } from '$lib/server/dossiers/submit';
import { forEachDatabase } from '../helpers/databases';
import { refusal } from '../helpers/refusal';
import { createAccount, giveBlob, limits, manifest, MONDAY_10AM, sha } from '../dossiers/fixtures';

describe('attachment details against the stored blob', () => {
	forEachDatabase((t) => {
		const deps = (): DossierDeps => ({ db: t().db, config: { upload: limits }, now: () => MONDAY_10AM });

		it('refuses a manifest whose type or size differs from the blob, naming the file', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			await giveBlob(db, me, sha(7), 956, 'image/png');
			const lying = manifest({}, [{ sha256: sha(7), size: 1 }]);
			const e = await refusal(submitDossier(deps(), me, randomUUID(), lying));
			expect([e.status, e.code]).toEqual([422, 'attachment_mismatch']);
			expect(e.fields?.['attachments.0']).toMatch(/^Tệp "hop-dong-0.jpg"/);
			expect(await db.selectFrom('dossiers').select('id').execute()).toEqual([]);

			// The right size but the wrong type is refused too.
			const wrongType = manifest({}, [{ sha256: sha(7), size: 956 }]);
			expect((await refusal(submitDossier(deps(), me, randomUUID(), wrongType))).code).toBe('attachment_mismatch');

			// The answers' copy of the file details must agree as well.
			const honest = manifest({}, [{ sha256: sha(7), size: 956 }]);
			for (const a of honest.attachments) a.type = 'image/png';
			const answerLies = structuredClone(honest);
			(answerLies.answers.residenceProofFile as { size: number }[])[0].size = 1;
			const inAnswers = await refusal(submitDossier(deps(), me, randomUUID(), answerLies));
			expect([inAnswers.code, Object.keys(inAnswers.fields ?? {})]).toEqual(['attachment_mismatch', ['residenceProofFile']]);

			(honest.answers.residenceProofFile as { type: string }[])[0].type = 'image/png';
			expect((await submitDossier(deps(), me, randomUUID(), honest)).status).toBe(201);
		});
	});
});
