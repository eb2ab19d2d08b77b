import './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { accountDbName, createAccountDb, GUEST_ACCOUNT_ID, openAccountDb } from '$lib/client/db/account-db';
import { claimGuestSpace, wipeAccount } from '$lib/client/db/accounts';
import { putBlob, getBlob } from '$lib/client/db/blobs';
import {
	addDocument,
	deleteDocument,
	DocumentInputError,
	documentWithFile,
	getDocument,
	listDocuments,
	purgeDeletedDocuments,
	restoreDocument,
	storeBytes,
	updateDocument
} from '$lib/client/db/documents';
import { createDraft, saveAnswers } from '$lib/client/db/drafts';
import { ACCOUNT_STORES_V3 } from '$lib/client/db/schema';
import { birthProcedure, freshAccountId, resetDatabases } from './helpers';

afterEach(resetDatabases);

const jpeg = (text: string) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), text], { type: 'image/jpeg' });
const idCard = { typeId: 'can-cuoc', number: '001090012345', expiresOn: '2031-05-15', holder: { kind: 'self' } };

describe('document store repository', () => {
	it('adds a paper with its files as blobs by SHA-256, lists it, and shares a blob already attached to a draft', async () => {
		const db = openAccountDb(freshAccountId());
		const photo = jpeg('mặt trước CCCD');
		const attached = await putBlob(db, photo, 'cccd.jpg');
		const paper = await addDocument(db, { metadata: idCard, files: [{ data: photo, name: 'cccd.jpg', pages: 1 }] });
		expect(paper.files).toEqual([{ sha256: attached.sha256, name: 'cccd.jpg', type: 'image/jpeg', size: photo.size, pages: 1 }]);
		expect(paper.holderKey).toBe('self');
		expect(await db.blobs.count()).toBe(1);
		expect((await listDocuments(db)).map((d) => d.id)).toEqual([paper.id]);
		expect((await documentWithFile(db, attached.sha256))?.id).toBe(paper.id);
		expect(storeBytes([paper, paper])).toBe(photo.size);
	});

	it('refuses bad metadata with a Vietnamese message per field and writes nothing', async () => {
		const db = openAccountDb(freshAccountId());
		const files = [{ data: jpeg('x'), name: 'x.jpg', pages: 1 }];
		const error = await addDocument(db, { metadata: { typeId: 'khong-co', holder: { kind: 'family', name: '  ' } }, files }).catch((e) => e);
		expect(error).toBeInstanceOf(DocumentInputError);
		expect(Object.keys(error.fields).sort()).toEqual(['holder.name', 'holder.relation', 'typeId']);
		expect(error.fields.typeId).toBe('Loại giấy tờ không có trong danh mục');
		const noFiles = await addDocument(db, { metadata: idCard, files: [] }).catch((e) => e);
		expect(noFiles.fields.files).toContain('ít nhất một ảnh');
		const textFile = await addDocument(db, { metadata: idCard, files: [{ data: new Blob(['hi'], { type: 'text/plain' }), name: 'a.txt', pages: 1 }] }).catch((e) => e);
		expect(textFile).toBeInstanceOf(DocumentInputError);
		expect(await db.documents.count()).toBe(0);
		expect(await db.blobs.count()).toBe(0);
	});

	it('renames and corrects a paper, regrouping it under the family member it now belongs to', async () => {
		const db = openAccountDb(freshAccountId());
		const paper = await addDocument(db, { metadata: idCard, files: [{ data: jpeg('a'), name: 'a.jpg', pages: 1 }] });
		const updated = await updateDocument(db, paper.id, { ...idCard, title: 'CCCD của mẹ', holder: { kind: 'family', name: 'Lê Thị Hoa', relation: 'cha-me' } });
		expect(updated.metadata.title).toBe('CCCD của mẹ');
		expect(updated.holderKey).toBe('family:le thi hoa:cha-me');
		await expect(updateDocument(db, paper.id, { ...idCard, issuedOn: '2032-01-01' })).rejects.toThrow('Ngày hết hạn phải sau ngày cấp');
		expect((await getDocument(db, paper.id))?.metadata.title).toBe('CCCD của mẹ');
	});

	it('deletes with undo; the purge removes the paper and only the files nothing else uses', async () => {
		const db = openAccountDb(freshAccountId());
		const shared = jpeg('dùng chung với hồ sơ nháp');
		const own = jpeg('chỉ của giấy tờ');
		const paper = await addDocument(db, { metadata: idCard, files: [{ data: shared, name: 's.jpg', pages: 1 }, { data: own, name: 'o.jpg', pages: 1 }] });
		const draft = await createDraft(db, { procedure: birthProcedure });
		await saveAnswers(db, draft.id, { birthCertificateFile: [{ sha256: paper.files[0].sha256, name: 's.jpg', size: shared.size, type: 'image/jpeg' }] }, { expectedRevision: 0 });

		await deleteDocument(db, paper.id);
		expect(await listDocuments(db)).toEqual([]);
		await restoreDocument(db, paper.id);
		expect(await listDocuments(db)).toHaveLength(1);

		await deleteDocument(db, paper.id);
		const now = Date.now();
		expect(await purgeDeletedDocuments(db, 60_000, now)).toBe(0); // still within the undo window
		expect(await purgeDeletedDocuments(db, 60_000, now + 120_000)).toBe(1);
		expect(await getDocument(db, paper.id)).toBeUndefined();
		expect(await getBlob(db, paper.files[0].sha256)).toBeDefined(); // the draft still needs it
		expect(await getBlob(db, paper.files[1].sha256)).toBeUndefined();
	});

	it('keeps each account’s store private, moves a guest’s papers in at sign-in, and is wiped with the account', async () => {
		const a = openAccountDb(freshAccountId('a'));
		const b = openAccountDb(freshAccountId('b'));
		const paper = await addDocument(a, { metadata: idCard, files: [{ data: jpeg('A'), name: 'a.jpg', pages: 1 }] });
		expect(await listDocuments(b)).toEqual([]);
		expect(await getDocument(b, paper.id)).toBeUndefined();

		const guest = openAccountDb(GUEST_ACCOUNT_ID);
		await createDraft(guest, { procedure: birthProcedure });
		const guestPaper = await addDocument(guest, { metadata: idCard, files: [{ data: jpeg('G'), name: 'g.jpg', pages: 1 }] });
		const claimed = await claimGuestSpace(b.accountId);
		expect(claimed.documents).toBe(1);
		expect((await listDocuments(b)).map((d) => d.id)).toEqual([guestPaper.id]);
		expect(await listDocuments(guest)).toEqual([]);

		await wipeAccount(a.accountId);
		expect(await Dexie.getDatabaseNames()).not.toContain(accountDbName(a.accountId));
	});

	it('app update: a v3 database gains an empty store and keeps its drafts', async () => {
		const accountId = freshAccountId();
		const old = new Dexie(accountDbName(accountId));
		old.version(3).stores(ACCOUNT_STORES_V3);
		await old.table('drafts').put({ id: 'd1', procedureCode: '1.001193', answers: { x: 1 } });
		old.close();
		const db = createAccountDb(accountId);
		expect(await db.drafts.get('d1')).toMatchObject({ answers: { x: 1 } });
		expect(await listDocuments(db)).toEqual([]);
		db.close();
	});

	it('shows a record a newer release wrote but never rewrites it; skips an unreadable one', async () => {
		const db = openAccountDb(freshAccountId());
		const paper = await addDocument(db, { metadata: idCard, files: [{ data: jpeg('n'), name: 'n.jpg', pages: 1 }] });
		await db.documents.update(paper.id, { schemaVersion: 99 });
		await db.documents.put({ id: 'broken' } as never);
		expect((await listDocuments(db)).map((d) => d.id)).toEqual([paper.id]);
		await expect(updateDocument(db, paper.id, idCard)).rejects.toThrow('phiên bản mới hơn');
		expect(await db.documents.get('broken')).toBeDefined();
	});
});
