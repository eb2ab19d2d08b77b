import { describe, expect, it } from 'vitest';
import { choicesForSlot, emptyMetadataForm, groupByHolder, holderKey, holderLabel, metadataForm, metadataFromForm, paperMatches, type PaperLike } from '$lib/domain/document-store';
import { documentMetadataSchema, type DocumentMetadata } from '$lib/domain/documents';

let n = 0;
const paper = (metadata: Partial<DocumentMetadata>, updatedAt = `2026-01-0${++n % 9 || 1}T00:00:00Z`): PaperLike => ({
	id: `p${++n}`,
	metadata: { typeId: 'giay-khai-sinh', holder: { kind: 'self' }, ...metadata } as DocumentMetadata,
	updatedAt
});

describe('whose paper: grouping and labels', () => {
	it('puts the person’s own papers first, then family members by name; the same person typed without diacritics is one group', () => {
		const mine = paper({});
		const an = paper({ holder: { kind: 'family', name: 'Lê Minh An', relation: 'con' } });
		const an2 = paper({ holder: { kind: 'family', name: 'le minh an', relation: 'con' } });
		const binh = paper({ holder: { kind: 'family', name: 'Bùi Bình', relation: 'vo-chong' } });
		const groups = groupByHolder([an, binh, mine, an2]);
		expect(groups.map((g) => g.key)).toEqual(['self', 'family:bui binh:vo-chong', 'family:le minh an:con']);
		expect(groups[2].papers).toHaveLength(2);
		expect(holderKey({ kind: 'self' })).toBe('self');
		expect(holderLabel(an.metadata.holder, 'Của tôi')).toBe('Lê Minh An (Con)');
		expect(holderLabel(mine.metadata.holder, 'Của tôi')).toBe('Của tôi');
	});
});

describe('search', () => {
	it('finds by folded words across title, type, number, issuer and person', () => {
		const p = paper({ typeId: 'can-cuoc', number: '001090012345', issuer: 'Cục Cảnh sát QLHC về TTXH', holder: { kind: 'family', name: 'Lê Thị Hoa', relation: 'cha-me' } });
		expect(paperMatches(p, 'can cuoc')).toBe(true);
		expect(paperMatches(p, 'CĂN CƯỚC hoa')).toBe(true);
		expect(paperMatches(p, '0010900')).toBe(true);
		expect(paperMatches(p, 'canh sat')).toBe(true);
		expect(paperMatches(p, 'ho chieu')).toBe(false);
		expect(paperMatches(p, '   ')).toBe(true);
	});
});

describe('which stored papers an attachment slot offers', () => {
	const today = '2026-12-06';
	it('offers the papers of the slot’s types first (own and valid before others), refuses an expired one, lists the rest after', () => {
		const own = paper({ typeId: 'giay-chung-sinh' });
		const child = paper({ typeId: 'giay-chung-sinh', holder: { kind: 'family', name: 'Lê An', relation: 'con' } });
		const passport = paper({ typeId: 'ho-chieu', expiresOn: '2030-01-01' });
		const { matching, others } = choicesForSlot([passport, child, own], '1.001193', 'birthCertificateFile', today);
		expect(matching.map((c) => c.paper.id)).toEqual([own.id, child.id]);
		expect(matching.every((c) => c.usable)).toBe(true);
		expect(others).toMatchObject([{ paper: { id: passport.id }, usable: true, reason: 'wrong-type' }]);
	});

	it('marks a marital-status certificate older than 6 months as expired and not usable', () => {
		const old = paper({ typeId: 'giay-xac-nhan-tinh-trang-hon-nhan', issuedOn: '2026-01-10' });
		const recent = paper({ typeId: 'giay-xac-nhan-tinh-trang-hon-nhan', issuedOn: '2026-11-01' });
		const { matching } = choicesForSlot([old, recent], '1.000894', 'maritalStatusFile', today);
		expect(matching.map((c) => [c.paper.id, c.usable, c.reason])).toEqual([
			[recent.id, true, undefined],
			[old.id, false, 'expired']
		]);
		expect(matching[1].validity).toEqual({ state: 'expired', until: '2026-07-09' });
	});

	it('an expired paper of another type is not usable either', () => {
		const { others } = choicesForSlot([paper({ typeId: 'can-cuoc', expiresOn: '2025-01-01' })], '1.001193', 'birthCertificateFile', today);
		expect(others[0]).toMatchObject({ usable: false, reason: 'expired' });
	});
});

describe('the metadata form', () => {
	const today = new Date('2026-12-06T03:00:00Z');
	it('turns dd/mm/yyyy dates into ISO dates, drops empty texts, and round-trips', () => {
		const values = { ...emptyMetadataForm('can-cuoc'), number: ' 001090012345 ', issuedOn: '5/3/2021', expiresOn: '15/05/2036', holderKind: 'family' as const, holderName: 'Lê Thị Hoa', relation: 'cha-me' };
		const { input, dateErrors } = metadataFromForm(values, today);
		expect(dateErrors).toEqual({});
		expect(input).toEqual({ typeId: 'can-cuoc', number: '001090012345', issuedOn: '2021-03-05', expiresOn: '2036-05-15', holder: { kind: 'family', name: 'Lê Thị Hoa', relation: 'cha-me' } });
		const metadata = documentMetadataSchema.parse(input);
		expect(metadataForm(metadata)).toMatchObject({ issuedOn: '05/03/2021', expiresOn: '15/05/2036', holderName: 'Lê Thị Hoa', title: '' });
	});

	it('says which date is wrong: not a date, or an issue date still to come', () => {
		const { dateErrors, input } = metadataFromForm({ ...emptyMetadataForm('can-cuoc'), issuedOn: '31/02/2020', expiresOn: 'mai' }, today);
		expect(dateErrors.issuedOn).toContain('không có trong lịch');
		expect(dateErrors.expiresOn).toContain('ngày/tháng/năm');
		expect(input).not.toHaveProperty('issuedOn');
		expect(metadataFromForm({ ...emptyMetadataForm('can-cuoc'), issuedOn: '01/01/2027' }, today).dateErrors.issuedOn).toBeTruthy();
	});
});
