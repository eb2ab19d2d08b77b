import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { openAccountDb } from '$lib/client/db/account-db';
import { putBlob, sha256Hex } from '$lib/client/db/blobs';
import { addDocument, deleteDocument, getDocument, listDocuments, purgeDeletedDocuments } from '$lib/client/db/documents';
import { bytesToFetch, deletedServerPapers, fetchPaperBack, filesMissing, heldForSlot, heldOnDevice, mergeServerPapers, PaperMismatchError, statePaperRecords } from '$lib/client/db/papers';
import { heldSlots } from '$lib/domain/document-store';
import type { Paper } from '$lib/domain/wire/documents';
import { freshAccountId, resetDatabases } from './helpers';

afterEach(resetDatabases);

const pdf = (text: string) => new Blob([`%PDF-1.4\n${text}\n%%EOF\n`], { type: 'application/pdf' });
const TODAY = '2026-12-06';

async function paperOf(data: Blob, over: Partial<Paper> & { typeId?: string } = {}): Promise<Paper> {
	const { typeId = 'hop-dong-thue-nha', ...rest } = over;
	return {
		id: crypto.randomUUID(),
		origin: 'verified',
		metadata: { typeId, holder: { kind: 'self' } },
		validity: { state: 'unknown', until: null },
		reusable: true,
		file: { sha256: await sha256Hex(data), name: 'hop-dong.pdf', size: data.size, type: 'application/pdf' },
		dossier: { id: crypto.randomUUID(), code: 'CA-261206-0001', procedureCode: '1.004194', procedureName: 'Đăng ký tạm trú' },
		slot: 'residenceProofFile',
		agencyName: 'Công an xã Sóc Sơn',
		at: '2026-12-06T03:00:00.000Z',
		...rest
	} as Paper;
}

describe('papers the state holds, on the device', () => {
	it('lists a verified paper the device never had, without its bytes, and fetches them once, checked by SHA-256', async () => {
		const db = openAccountDb(freshAccountId());
		const file = pdf('hợp đồng thuê nhà');
		const paper = await paperOf(file);
		expect(await mergeServerPapers(db, { papers: [paper] })).toEqual({ added: 1, linked: 0 });
		// Merging the same list again changes nothing.
		expect(await mergeServerPapers(db, { papers: [paper] })).toEqual({ added: 0, linked: 0 });
		const [stored] = await listDocuments(db);
		expect(stored).toMatchObject({ id: paper.id, origin: 'verified', server: { paperId: paper.id, dossierCode: 'CA-261206-0001', slot: 'residenceProofFile' } });
		const missing = await filesMissing(db, [stored]);
		expect(bytesToFetch(stored, missing)).toBe(file.size);

		let asked = 0;
		const fetchFile = async (id: string) => {
			asked++;
			expect(id).toBe(paper.id);
			return file;
		};
		expect(await fetchPaperBack(db, stored, fetchFile)).toBe(file.size);
		expect(await fetchPaperBack(db, stored, fetchFile)).toBe(0);
		expect(asked).toBe(1);
		expect(bytesToFetch(stored, await filesMissing(db, [stored]))).toBe(0);
	});

	it('refuses bytes that are not the paper and stores nothing', async () => {
		const db = openAccountDb(freshAccountId());
		const paper = await paperOf(pdf('bản thật'));
		await mergeServerPapers(db, { papers: [paper] });
		const [stored] = await listDocuments(db);
		await expect(fetchPaperBack(db, stored, async () => pdf('bản khác'))).rejects.toBeInstanceOf(PaperMismatchError);
		expect(await db.blobs.count()).toBe(0);
	});

	it('marks the device’s own paper as verified instead of listing the same file twice, keeping what the person wrote', async () => {
		const db = openAccountDb(freshAccountId());
		const file = pdf('giấy chứng nhận');
		const mine = await addDocument(db, { metadata: { typeId: 'giay-to-khac', title: 'Hợp đồng thuê phòng trọ', holder: { kind: 'self' } }, files: [{ data: file, name: 'hd.pdf', pages: 1 }] });
		const first = await paperOf(file, { typeId: 'giay-to-khac' });
		expect(await mergeServerPapers(db, { papers: [first] })).toEqual({ added: 0, linked: 1 });
		// A later dossier proves it again: the same record, the newer proof.
		const again = await paperOf(file, { typeId: 'giay-to-khac', at: '2026-12-07T03:00:00.000Z' });
		expect(await mergeServerPapers(db, { papers: [again, first] })).toEqual({ added: 0, linked: 0 });
		const list = await listDocuments(db);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ id: mine.id, origin: 'device', metadata: { title: 'Hợp đồng thuê phòng trọ' }, server: { paperId: again.id } });
	});

	it('an issued result already opened on the device is on the device: nothing to fetch', async () => {
		const db = openAccountDb(freshAccountId());
		const result = pdf('kết quả');
		await putBlob(db, result, 'ket-qua.pdf');
		await mergeServerPapers(db, { papers: [await paperOf(result, { origin: 'issued', typeId: 'ket-qua-thu-tuc', slot: undefined })] });
		const [stored] = await listDocuments(db);
		expect(stored.origin).toBe('issued');
		expect(bytesToFetch(stored, await filesMissing(db, [stored]))).toBe(0);
	});

	it('a deleted state-held paper keeps its record when purged (bytes freed), stays deleted, and comes back on request', async () => {
		const db = openAccountDb(freshAccountId());
		const file = pdf('sổ đỏ');
		const paper = await paperOf(file, { typeId: 'giay-chung-nhan-quyen-su-dung-dat' });
		await mergeServerPapers(db, { papers: [paper] });
		await fetchPaperBack(db, (await getDocument(db, paper.id))!, async () => file);
		await deleteDocument(db, paper.id);
		await purgeDeletedDocuments(db, 0, Date.now() + 1000);
		expect(await db.blobs.count()).toBe(0);
		await mergeServerPapers(db, { papers: [paper] });
		expect(await listDocuments(db)).toEqual([]);
		const [held] = await deletedServerPapers(db);
		expect(held.id).toBe(paper.id);
		expect(bytesToFetch(held, await filesMissing(db, [held]))).toBe(file.size);
		expect(await fetchPaperBack(db, held, async () => file)).toBe(file.size);
		expect((await listDocuments(db)).map((d) => d.id)).toEqual([paper.id]);
	});

	it('works out the slots the state holds a paper for with no signal, by the same rule as the server', async () => {
		const db = openAccountDb(freshAccountId());
		const lease = await paperOf(pdf('hợp đồng'));
		const expired = await paperOf(pdf('hộ chiếu cũ'), { typeId: 'ho-chieu', metadata: { typeId: 'ho-chieu', expiresOn: '2020-01-01', holder: { kind: 'self' } } } as Partial<Paper>);
		const authorisation = await paperOf(pdf('uỷ quyền'), { typeId: 'van-ban-uy-quyen', reusable: false, slot: 'authorizationFile' });
		await mergeServerPapers(db, { papers: [lease, expired, authorisation] });
		const papers = await listDocuments(db);
		expect(heldForSlot(papers, '1.004194', 'residenceProofFile', TODAY).map((p) => p.id)).toEqual([lease.id]);
		expect(heldForSlot(papers, '1.004222', 'residenceProofFile', TODAY).map((p) => p.id)).toEqual([lease.id]);
		expect(heldForSlot(papers, '1.001193', 'authorizationFile', TODAY)).toEqual([]);
		expect(heldForSlot(papers, '1.004884', 'evidenceFile', TODAY)).toEqual([]);
		expect(heldSlots('1.004194', [], TODAY)).toEqual([]);
	});

	it('answers offline what the server answers for held slots, papers deleted on the device or retyped there included', async () => {
		const db = openAccountDb(freshAccountId());
		const lease = await paperOf(pdf('hợp đồng thuê'));
		const card = await paperOf(pdf('căn cước'), { typeId: 'can-cuoc', slot: 'identityFile', metadata: { typeId: 'can-cuoc', expiresOn: '2040-01-01', holder: { kind: 'self' } } } as Partial<Paper>);
		const server = [lease, card];
		await mergeServerPapers(db, { papers: server });
		// The citizen deletes the lease on the phone and calls the ID card something else there.
		await deleteDocument(db, lease.id);
		await db.documents.update(card.id, { metadata: { typeId: 'giay-to-khac', title: 'Ảnh CCCD', holder: { kind: 'self' } } });
		// The server's rule over what it holds (server/documents/papers.ts reads the same fields).
		const asServer = (code: string) => heldSlots(code, server.map((p) => ({ id: p.id, origin: p.origin, metadata: p.metadata, reusable: p.reusable, procedureCode: p.dossier.procedureCode, slot: p.slot })), TODAY);
		const records = await statePaperRecords(db);
		for (const code of ['1.004194', '1.004222', '1.001193']) expect([code, heldOnDevice(records, code, TODAY)]).toEqual([code, asServer(code)]);
		expect(asServer('1.004194').find((s) => s.slot === 'residenceProofFile')?.paperIds).toEqual([lease.id]);
		expect(heldForSlot(records, '1.004194', 'residenceProofFile', TODAY).map((p) => [p.id, p.deletedAt !== undefined])).toEqual([[lease.id, true]]);
		// The live list alone (the old rule) would have said nothing is held for the lease.
		expect(heldForSlot(await listDocuments(db), '1.004194', 'residenceProofFile', TODAY)).toEqual([]);
	});
});
