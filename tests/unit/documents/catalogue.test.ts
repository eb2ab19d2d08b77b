/**
 * The document-type catalogue (data/documents/catalogue.json): every attachment slot of every
 * shipped procedure maps to types that exist; the metadata schema refuses what a person can
 * get wrong; the validity rules (printed expiry, "6 tháng kể từ ngày cấp") on the edge days.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '$lib/domain/procedure';
import {
	addMonths,
	attachedDocumentType,
	documentCatalogue,
	documentCatalogueSchema,
	documentMetadataSchema,
	documentType,
	fitsSlot,
	slotDocumentTypes,
	validityOf
} from '$lib/domain/documents';
import { manifestAttachmentSchema } from '$lib/domain/wire/dossiers';

const procedureDir = join(process.cwd(), 'data', 'procedures');
const procedures = parseCatalogue(
	readdirSync(procedureDir)
		.filter((f) => f.endsWith('.json'))
		.map((file) => ({ file, data: JSON.parse(readFileSync(join(procedureDir, file), 'utf8')) }))
);

/** Every attachment field of a form, at any depth (repeating groups included). */
function attachmentSlots(node: unknown, out: string[] = []): string[] {
	if (Array.isArray(node)) node.forEach((n) => attachmentSlots(n, out));
	else if (node && typeof node === 'object') {
		const o = node as Record<string, unknown>;
		if (o.type === 'attachment' && typeof o.id === 'string') out.push(o.id);
		Object.values(o).forEach((v) => attachmentSlots(v, out));
	}
	return out;
}

describe('document-type catalogue', () => {
	it('maps every attachment slot of every procedure to at least one type, and nothing else', () => {
		const slots = procedures.flatMap((p) => attachmentSlots(p.form).map((slot) => `${p.code}/${slot}`));
		expect(slots.length).toBeGreaterThan(15);
		const unmapped = slots.filter((s) => slotDocumentTypes(...(s.split('/') as [string, string])).length === 0);
		expect(unmapped).toEqual([]);
		const mapped = Object.entries(documentCatalogue.slots).flatMap(([code, bySlot]) => Object.keys(bySlot).map((slot) => `${code}/${slot}`));
		expect(mapped.filter((s) => !slots.includes(s))).toEqual([]);
	});

	it('names only types that exist, and every type id once', () => {
		const ids = documentCatalogue.types.map((t) => t.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const bySlot of Object.values(documentCatalogue.slots))
			for (const types of Object.values(bySlot)) if (types !== 'any') for (const id of types) expect(ids).toContain(id);
	});

	it('resolves a slot to its types, most specific first; "any" to every type; an unknown slot to none', () => {
		expect(slotDocumentTypes('1.001193', 'birthCertificateFile').map((t) => t.id)).toEqual(['giay-chung-sinh']);
		expect(slotDocumentTypes('2.000815', 'originalScanFile')).toHaveLength(documentCatalogue.types.length);
		expect(slotDocumentTypes('1.001193', 'nope')).toEqual([]);
		expect(slotDocumentTypes('9.999999', 'birthCertificateFile')).toEqual([]);
	});

	it('refuses a catalogue with a malformed slot id or an empty type list', () => {
		expect(documentCatalogueSchema.safeParse({ ...documentCatalogue, slots: { '1.001193': { 'Bad Slot': ['giay-chung-sinh'] } } }).success).toBe(false);
		expect(documentCatalogueSchema.safeParse({ ...documentCatalogue, slots: { '1.001193': { birthCertificateFile: [] } } }).success).toBe(false);
		expect(documentCatalogueSchema.safeParse({ ...documentCatalogue, types: [] }).success).toBe(false);
	});

	it('marks papers made for one case as not reusable', () => {
		expect(documentType('van-ban-uy-quyen')?.reusable).toBe(false);
		expect(documentType('giay-khai-sinh')?.reusable).toBe(true);
	});
});

describe('document metadata schema', () => {
	const self = { kind: 'self' } as const;

	it('accepts a paper with only its type and holder, and trims what was typed', () => {
		expect(documentMetadataSchema.parse({ typeId: 'can-cuoc', holder: self })).toEqual({ typeId: 'can-cuoc', holder: self });
		const parsed = documentMetadataSchema.parse({ typeId: 'can-cuoc', number: ' 001099012345 ', holder: { kind: 'family', name: ' Lê Thị Hoa ', relation: 'cha-me' } });
		expect(parsed.number).toBe('001099012345');
		expect(parsed.holder).toEqual({ kind: 'family', name: 'Lê Thị Hoa', relation: 'cha-me' });
	});

	it('refuses an unknown type, an impossible date, an expiry before issue, a family member without name or relation', () => {
		const issues = (v: unknown) => {
			const r = documentMetadataSchema.safeParse(v);
			return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		};
		expect(issues({ typeId: 'so-hong-gia', holder: self })).toEqual(['typeId: Loại giấy tờ không có trong danh mục']);
		expect(issues({ typeId: 'can-cuoc', issuedOn: '2026-02-30', holder: self })[0]).toMatch(/^issuedOn: ngày không tồn tại/);
		expect(issues({ typeId: 'can-cuoc', issuedOn: '2026-05-01', expiresOn: '2026-04-30', holder: self })).toEqual(['expiresOn: Ngày hết hạn phải sau ngày cấp']);
		expect(issues({ typeId: 'can-cuoc', holder: { kind: 'family', name: '   ', relation: 'con' } })[0]).toMatch(/^holder.name/);
		expect(issues({ typeId: 'can-cuoc', holder: { kind: 'family', name: 'An' } })[0]).toMatch(/^holder.relation/);
		expect(issues({ typeId: 'can-cuoc', number: 'x'.repeat(41), holder: self })).toEqual(['number: Số giấy tờ tối đa 40 ký tự']);
	});

	it('rides along a manifest attachment, optional so older drafts still submit', () => {
		const base = { slot: 'birthCertificateFile', sha256: 'a'.repeat(64), name: 'chung-sinh.jpg', size: 1000, type: 'image/jpeg' };
		expect(manifestAttachmentSchema.safeParse(base).success).toBe(true);
		expect(manifestAttachmentSchema.safeParse({ ...base, document: { typeId: 'giay-chung-sinh', holder: self } }).success).toBe(true);
		expect(manifestAttachmentSchema.safeParse({ ...base, document: { typeId: 'giay-chung-sinh' } }).success).toBe(false);
	});
});

describe('validity rules', () => {
	it('adds calendar months, the 31st landing on a shorter month’s last day', () => {
		expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
		expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
		expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
	});

	it('a certificate of marital status is valid 6 months from issue: through the day before, expired on the day', () => {
		const paper = { typeId: 'giay-xac-nhan-tinh-trang-hon-nhan', issuedOn: '2026-01-15' };
		expect(validityOf(paper, '2026-07-14')).toEqual({ state: 'valid', until: '2026-07-14' });
		expect(validityOf(paper, '2026-07-15')).toEqual({ state: 'expired', until: '2026-07-14' });
		expect(validityOf({ ...paper, expiresOn: '2026-03-01' }, '2026-03-02').state).toBe('expired');
		expect(validityOf({ typeId: 'giay-xac-nhan-tinh-trang-hon-nhan' }, '2026-03-02')).toEqual({ state: 'unknown', until: null });
	});

	it('a printed expiry counts through its own day; without one a card is unknown and a birth certificate valid', () => {
		expect(validityOf({ typeId: 'can-cuoc', expiresOn: '2026-12-06' }, '2026-12-06').state).toBe('valid');
		expect(validityOf({ typeId: 'can-cuoc', expiresOn: '2026-12-06' }, '2026-12-07').state).toBe('expired');
		expect(validityOf({ typeId: 'can-cuoc' }, '2026-12-07').state).toBe('unknown');
		expect(validityOf({ typeId: 'giay-khai-sinh' }, '2026-12-07')).toEqual({ state: 'valid', until: null });
	});

	it('a slot takes only its types, and never an expired paper', () => {
		expect(fitsSlot('1.000894', 'maritalStatusFile', { typeId: 'giay-xac-nhan-tinh-trang-hon-nhan', issuedOn: '2026-06-01' }, '2026-07-01')).toEqual({ ok: true });
		expect(fitsSlot('1.000894', 'maritalStatusFile', { typeId: 'giay-xac-nhan-tinh-trang-hon-nhan', issuedOn: '2025-06-01' }, '2026-07-01')).toEqual({ ok: false, reason: 'expired' });
		expect(fitsSlot('1.000894', 'maritalStatusFile', { typeId: 'giay-khai-sinh' }, '2026-07-01')).toEqual({ ok: false, reason: 'wrong-type' });
	});
});

describe('the type an attached file is kept as', () => {
	it('takes the declared type when the slot accepts it, the slot’s one type, or "other"', () => {
		expect(attachedDocumentType('1.001193', 'birthCertificateFile')).toBe('giay-chung-sinh');
		expect(attachedDocumentType('1.001193', 'birthCertificateFile', 'can-cuoc')).toBe('giay-chung-sinh');
		expect(attachedDocumentType('1.004194', 'residenceProofFile')).toBe('giay-to-khac');
		expect(attachedDocumentType('1.004194', 'residenceProofFile', 'hop-dong-thue-nha')).toBe('hop-dong-thue-nha');
		expect(attachedDocumentType('2.000815', 'originalScanFile')).toBe('giay-to-khac');
		expect(attachedDocumentType('2.000815', 'originalScanFile', 'giay-khai-sinh')).toBe('giay-khai-sinh');
		expect(attachedDocumentType('9.999999', 'x', 'nope')).toBe('giay-to-khac');
	});
});
