/**
 * Provided once, not again (issue 14, items 4 and 5), on SQLite and PostgreSQL: accepting a
 * dossier makes its files the citizen's verified papers, finishing it makes the result an
 * issued paper; the list, the slots they fill, the file — each only to the owner; a second
 * dossier attaches a verified paper by hash without an upload, and nobody else can claim it.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBlobs } from '$lib/server/blobs/check';
import { blobPath } from '$lib/server/blobs/store';
import { submitDossier } from '$lib/server/dossiers/submit';
import { listPapers, servePaperFile } from '$lib/server/documents/papers';
import { applyAction } from '$lib/server/workflow/actions';
import { accountError as refusal } from '../helpers/accounts';
import { forEachDatabase } from '../helpers/databases';
import { act, citizen, giveBlob, manifest, sha, world } from '../workflow/fixtures';

const NOW = new Date('2026-03-03T03:00:00Z');

describe('verified and issued papers', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(`${tmpdir()}/dvc-papers-`);
	});
	afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

	forEachDatabase((t) => {
		it('turns the files of an accepted dossier into the owner’s verified papers, once, and nobody else’s', async () => {
			const { db } = t();
			const w = await world(db);
			const other = await citizen(db, 'B');
			expect((await listPapers(db, w.owner.id, NOW)).papers).toEqual([]);

			const accept = act('accept');
			await applyAction(w.deps, w.officer, w.dossierId, accept);
			await applyAction(w.deps, w.officer, w.dossierId, accept); // a retry: nothing twice
			const { papers } = await listPapers(db, w.owner.id, NOW);
			expect(papers).toHaveLength(1);
			expect(papers[0]).toMatchObject({
				origin: 'verified',
				slot: 'residenceProofFile',
				// The slot takes several types and the device said nothing: "Giấy tờ khác", valid until a date is known.
				metadata: { typeId: 'giay-to-khac', holder: { kind: 'self' } },
				validity: { state: 'unknown', until: null },
				reusable: true,
				file: { sha256: sha(1), name: 'hop-dong-0.jpg', size: 1000, type: 'image/jpeg' },
				dossier: { id: w.dossierId, procedureCode: '1.004194', procedureName: 'Đăng ký tạm trú' },
				agencyName: expect.stringContaining('Sóc Sơn')
			});
			expect(await db.selectFrom('papers').select('id').execute()).toHaveLength(1);
			expect((await listPapers(db, other.id, NOW)).papers).toEqual([]);
			expect((await listPapers(db, w.officer.id, NOW)).papers).toEqual([]);
		});

		it('makes no paper of a dossier refused or still waiting', async () => {
			const { db } = t();
			const w = await world(db);
			expect((await listPapers(db, w.owner.id, NOW)).papers).toEqual([]);
			await applyAction(w.deps, w.officer, w.dossierId, act('refuse', { reason: 'Không thuộc thẩm quyền' }));
			expect((await listPapers(db, w.owner.id, NOW)).papers).toEqual([]);
		});

		it('keeps what the store said about the paper, and tells which slots of a procedure need nothing new', async () => {
			const { db } = t();
			const w = await world(db);
			await giveBlob(db, w.owner.id, sha(2));
			await giveBlob(db, w.owner.id, sha(3));
			const id = randomUUID();
			const m = manifest({}, [{ sha256: sha(2) }, { sha256: sha(3) }]);
			m.attachments[0].document = { typeId: 'hop-dong-thue-nha', number: 'HĐ-12/2026', expiresOn: '2027-03-01', holder: { kind: 'self' } };
			m.attachments[1].document = { typeId: 'hop-dong-thue-nha', number: 'HĐ-01/2024', expiresOn: '2025-01-01', holder: { kind: 'family', name: 'Lê Thị Hoa', relation: 'cha-me' } };
			await submitDossier(w.deps, w.owner.id, id, m);
			await applyAction(w.deps, w.officer, id, act('accept'));

			const { papers, held } = await listPapers(db, w.owner.id, NOW, '1.004194');
			const bySha = new Map(papers.map((p) => [p.file.sha256, p]));
			expect(bySha.get(sha(2))).toMatchObject({ metadata: { typeId: 'hop-dong-thue-nha', number: 'HĐ-12/2026' }, validity: { state: 'valid', until: '2027-03-01' } });
			expect(bySha.get(sha(3))).toMatchObject({ metadata: { holder: { name: 'Lê Thị Hoa' } }, validity: { state: 'expired', until: '2025-01-01' } });
			// The valid one fills the residence slot; the expired one never does; the first dossier's file is not accepted yet.
			expect(held).toEqual([{ slot: 'residenceProofFile', paperIds: [bySha.get(sha(2))!.id] }]);
			// Permanent residence (1.004222) takes a tenancy for its residence slot too; its kinship slot has nothing yet.
			expect((await listPapers(db, w.owner.id, NOW, '1.004222')).held).toEqual([{ slot: 'residenceProofFile', paperIds: [bySha.get(sha(2))!.id] }]);
			expect((await listPapers(db, w.owner.id, NOW, '1.001193')).held).toEqual([]);

			expect(await refusal(listPapers(db, w.owner.id, NOW, 'abc'))).toMatchObject({ status: 400, code: 'invalid_query' });
			expect(await refusal(listPapers(db, w.owner.id, NOW, '9.999999'))).toMatchObject({ status: 404, code: 'procedure_not_found' });
		});

		it('lets the owner attach a verified paper to a new dossier by hash with no upload; another citizen cannot claim it', async () => {
			const { db } = t();
			const w = await world(db);
			const other = await citizen(db, 'B');
			await applyAction(w.deps, w.officer, w.dossierId, act('accept'));
			const [paper] = (await listPapers(db, w.owner.id, NOW)).papers;

			// The device asks before uploading: present for the owner, absent for anyone else who knows the hash.
			expect(await checkBlobs(db, w.owner.id, { hashes: [paper.file.sha256] })).toEqual({ present: [sha(1)] });
			expect(await checkBlobs(db, other.id, { hashes: [paper.file.sha256] })).toEqual({ present: [] });

			const uploadsBefore = (await db.selectFrom('uploads').select('id').execute()).length;
			const second = manifest({}, [{ sha256: paper.file.sha256, size: paper.file.size }]);
			expect((await submitDossier(w.deps, w.owner.id, randomUUID(), second)).status).toBe(201);
			expect((await db.selectFrom('uploads').select('id').execute()).length).toBe(uploadsBefore);

			const stolen = await refusal(submitDossier(w.deps, other.id, randomUUID(), second));
			expect([stolen.status, stolen.code]).toEqual([422, 'missing_blobs']);
		});

		it('makes the result an agency issued an issued paper the citizen holds, downloadable by them only', async () => {
			const { db } = t();
			const w = await world(db);
			const other = await citizen(db, 'B');
			for (const a of ['accept', 'start']) await applyAction(w.deps, w.officer, w.dossierId, act(a));
			await giveBlob(db, w.officer.id, sha(9), 5000, 'application/pdf');
			const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000 - 9, 65)]);
			mkdirSync(dirname(blobPath(dataDir, sha(9))), { recursive: true });
			writeFileSync(blobPath(dataDir, sha(9)), bytes);
			await applyAction(w.deps, w.officer, w.dossierId, act('finish', { result: { sha256: sha(9), name: 'Giấy xác nhận tạm trú.pdf' } }));

			const { papers } = await listPapers(db, w.owner.id, NOW);
			const issued = papers.find((p) => p.origin === 'issued')!;
			expect(issued).toMatchObject({
				metadata: { typeId: 'ket-qua-thu-tuc', issuedOn: '2026-03-02', issuer: expect.stringContaining('Sóc Sơn'), holder: { kind: 'self' } },
				file: { sha256: sha(9), name: 'Giấy xác nhận tạm trú.pdf', size: 5000, type: 'application/pdf' },
				dossier: { id: w.dossierId }
			});
			expect(papers.filter((p) => p.origin === 'verified')).toHaveLength(1);
			// The citizen now holds the result's blob: a later dossier attaches it without uploading it.
			expect(await checkBlobs(db, w.owner.id, { hashes: [sha(9)] })).toEqual({ present: [sha(9)] });
			expect(await checkBlobs(db, other.id, { hashes: [sha(9)] })).toEqual({ present: [] });

			const file = await servePaperFile(db, dataDir, w.owner.id, issued.id, true);
			expect([file.status, file.headers.get('content-length'), file.headers.get('content-type')]).toEqual([200, '5000', 'application/pdf']);
			expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="Giay xac nhan tam tru.pdf"/);
			expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
			for (const who of [other.id, w.officer.id]) expect(await refusal(servePaperFile(db, dataDir, who, issued.id, false))).toMatchObject({ status: 404, code: 'not_found' });
			expect(await refusal(servePaperFile(db, dataDir, w.owner.id, 'not-an-id', false))).toMatchObject({ status: 404 });
		});
	});
});
