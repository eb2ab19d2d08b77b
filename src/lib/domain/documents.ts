/**
 * The kinds of paper a person keeps ("Kho giấy tờ"): the type catalogue shipped in
 * data/documents/catalogue.json (which procedure's attachment slot takes which types), the
 * metadata a stored or verified paper carries, and the validity rules — one set of rules for
 * the device's store, the form's attachment slots and the server's verified papers.
 *
 * Legal frame: "những giấy tờ … đã cung cấp một lần thành công … không phải cung cấp lại"
 * (NĐ 45/2020/NĐ-CP Điều 9, NĐ 107/2021/NĐ-CP) and Chỉ thị 24/CT-TTg (no asking again for a
 * paper the state already holds).
 */
import * as z from 'zod/mini';
import catalogueJson from '../../../data/documents/catalogue.json';
import { toDayNumber, type IsoDate } from './time';
import { isoDateSchema, procedureCodeSchema, fieldIdSchema } from './wire/primitives';

const typeIdSchema = z.string().check(z.regex(/^[a-z0-9-]+$/, 'mã loại giấy tờ chỉ gồm chữ thường, số và gạch nối'));

export const documentValiditySchema = z.discriminatedUnion('kind', [
	/** Valid for life (a birth certificate). */
	z.strictObject({ kind: z.literal('indefinite') }),
	/** Valid until the date printed on it, when it has one (an ID card, a tenancy). */
	z.strictObject({ kind: z.literal('printed') }),
	/** Valid N months from the day it was issued (the law says so; `basis` cites it). */
	z.strictObject({ kind: z.literal('from-issue'), months: z.int().check(z.positive()), basis: z.string().check(z.minLength(1)) })
]);
export type DocumentValidity = z.infer<typeof documentValiditySchema>;

export const documentTypeSchema = z.strictObject({
	id: typeIdSchema,
	name: z.string().check(z.minLength(1)),
	nameEn: z.string().check(z.minLength(1)),
	validity: documentValiditySchema,
	/** false: made for one case (an authorisation, a drawing) — never offered as "already provided". */
	reusable: z.boolean()
});
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentCatalogueSchema = z.strictObject({
	types: z.array(documentTypeSchema).check(z.minLength(1)),
	/** procedure code → attachment slot id → the types that can fill it ('any': every type). */
	slots: z.record(procedureCodeSchema, z.record(fieldIdSchema, z.union([z.literal('any'), z.array(typeIdSchema).check(z.minLength(1))])))
});
export type DocumentCatalogue = z.infer<typeof documentCatalogueSchema>;

/** The shipped catalogue, checked when this module loads (a broken file fails the build and the unit tests). */
export const documentCatalogue: DocumentCatalogue = documentCatalogueSchema.parse(catalogueJson);

export const documentTypes: readonly DocumentType[] = documentCatalogue.types;
const byId = new Map(documentTypes.map((t) => [t.id, t]));

export const documentTypeIds = documentTypes.map((t) => t.id);
export const documentTypeIdSchema = z.string().check(z.refine((id) => byId.has(id), 'Loại giấy tờ không có trong danh mục'));

/** The type "Giấy tờ khác": what a paper of no listed kind is filed as. */
export const OTHER_DOCUMENT_TYPE = 'giay-to-khac';
/** What an agency issued at the end of a dossier (a level-4 result file). */
export const RESULT_DOCUMENT_TYPE = 'ket-qua-thu-tuc';

export function documentType(id: string): DocumentType | undefined {
	return byId.get(id);
}

/** The types that can fill this attachment slot of this procedure, most specific first; empty when the slot is not mapped. */
export function slotDocumentTypes(procedureCode: string, slotId: string, catalogue: DocumentCatalogue = documentCatalogue): DocumentType[] {
	const mapped = catalogue.slots[procedureCode]?.[slotId];
	if (!mapped) return [];
	const types = mapped === 'any' ? catalogue.types : mapped.map((id) => catalogue.types.find((t) => t.id === id));
	return types.filter((t): t is DocumentType => t !== undefined);
}

// ---- whose paper, what it says --------------------------------------------------------

export const familyRelations = ['vo-chong', 'con', 'cha-me', 'anh-chi-em', 'ong-ba', 'chau', 'khac'] as const;
export type FamilyRelation = (typeof familyRelations)[number];
export const familyRelationNames: Record<FamilyRelation, string> = {
	'vo-chong': 'Vợ/chồng',
	con: 'Con',
	'cha-me': 'Cha/mẹ',
	'anh-chi-em': 'Anh/chị/em',
	'ong-ba': 'Ông/bà',
	chau: 'Cháu',
	khac: 'Người thân khác'
};

const trimmed = (max: number, tooLong: string) => z.string().check(z.trim(), z.minLength(1, 'Không được để trống'), z.maxLength(max, tooLong));

/** The person the paper belongs to: the account holder, or a family member by name and relation. */
export const documentHolderSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('self') }),
	z.strictObject({
		kind: z.literal('family'),
		name: trimmed(100, 'Họ tên tối đa 100 ký tự'),
		relation: z.enum(familyRelations, 'Hãy chọn quan hệ với người này')
	})
]);
export type DocumentHolder = z.infer<typeof documentHolderSchema>;

/**
 * What a paper says about itself, as the person typed it (all optional but the type and the
 * holder). The same schema on the device (store), in the manifest (what was attached) and in
 * the server's verified papers.
 */
export const documentMetadataSchema = z
	.strictObject({
		typeId: documentTypeIdSchema,
		/** The person's own name for it ("CCCD của mẹ"). */
		title: z.optional(trimmed(120, 'Tên giấy tờ tối đa 120 ký tự')),
		/** Số hiệu / số giấy tờ as printed. */
		number: z.optional(trimmed(40, 'Số giấy tờ tối đa 40 ký tự')),
		/** Cơ quan cấp. */
		issuer: z.optional(trimmed(200, 'Tên cơ quan cấp tối đa 200 ký tự')),
		issuedOn: z.optional(isoDateSchema),
		/** Có giá trị đến: the date printed on it, if any. */
		expiresOn: z.optional(isoDateSchema),
		holder: documentHolderSchema
	})
	.check(
		z.refine((m) => !m.issuedOn || !m.expiresOn || m.expiresOn >= m.issuedOn, {
			message: 'Ngày hết hạn phải sau ngày cấp',
			path: ['expiresOn']
		})
	);
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

// ---- validity -------------------------------------------------------------------------

export type ValidityState = 'valid' | 'expired' | 'unknown';
export interface Validity {
	state: ValidityState;
	/** The last day it is valid, when known. */
	until: IsoDate | null;
}

/** `date` plus `months` calendar months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const [y, m, d] = date.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const dayBefore = (date: IsoDate): IsoDate => new Date((toDayNumber(date)! - 1) * 86_400_000).toISOString().slice(0, 10);

/**
 * Is this paper valid on `today` (Vietnam date)? A printed expiry date counts for every
 * type; a type valid N months from issue ("6 tháng kể từ ngày cấp") ends the day before the
 * same date N months later. Without the dates needed to tell, the answer is 'unknown' — the
 * paper may still be used, the officer checks it.
 */
export function validityOf(metadata: Pick<DocumentMetadata, 'typeId' | 'issuedOn' | 'expiresOn'>, today: IsoDate): Validity {
	const type = documentType(metadata.typeId);
	const ends: IsoDate[] = [];
	if (metadata.expiresOn) ends.push(metadata.expiresOn);
	if (type?.validity.kind === 'from-issue' && metadata.issuedOn) ends.push(dayBefore(addMonths(metadata.issuedOn, type.validity.months)));
	if (ends.length === 0) return { state: type?.validity.kind === 'indefinite' ? 'valid' : 'unknown', until: null };
	const until = ends.sort()[0];
	return { state: today <= until ? 'valid' : 'expired', until };
}

export type SlotFit = { ok: true } | { ok: false; reason: 'wrong-type' | 'expired' };

/** May a paper with this metadata fill this slot on `today`? An expired paper never fills a slot. */
export function fitsSlot(procedureCode: string, slotId: string, metadata: Pick<DocumentMetadata, 'typeId' | 'issuedOn' | 'expiresOn'>, today: IsoDate): SlotFit {
	if (!slotDocumentTypes(procedureCode, slotId).some((t) => t.id === metadata.typeId)) return { ok: false, reason: 'wrong-type' };
	if (validityOf(metadata, today).state === 'expired') return { ok: false, reason: 'expired' };
	return { ok: true };
}

/**
 * The type a file attached to a slot is kept as once verified: what the person said it is
 * (from the store), when the slot takes that type; else the slot's one type; else "Giấy tờ
 * khác" (a slot taking several types says nothing about which one this is).
 */
export function attachedDocumentType(procedureCode: string, slotId: string, declared?: string): string {
	const mapped = documentCatalogue.slots[procedureCode]?.[slotId];
	const types = slotDocumentTypes(procedureCode, slotId);
	if (declared && byId.has(declared) && (types.length === 0 || types.some((t) => t.id === declared))) return declared;
	return mapped !== 'any' && types.length === 1 ? types[0].id : OTHER_DOCUMENT_TYPE;
}
