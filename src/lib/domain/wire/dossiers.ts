/**
 * Dossiers on the wire: the submission (manifest → receipt) shared by the outbox, the PUT
 * endpoint and the server; the blob check and tus metadata that come before it; the lists
 * and the detail a citizen reads back.
 */
import * as z from 'zod/mini';
import { documentMetadataSchema } from '../documents';
import { dossierStatusNames, parseDossierCode } from '../dossier';
import { addressAnswerSchema } from '../units';
import { feeAssessmentSchema, obligationSchema } from './payments';
import { ratingViewSchema, resultViewSchema } from './results';
import {
	agencyCodeSchema,
	attachmentTypeSchema,
	fieldIdSchema,
	isoDateSchema,
	isoDateTimeSchema,
	procedureCodeSchema,
	sha256HexSchema,
	uuidSchema
} from './primitives';

/** `<agency code>-<yymmdd>-<nnnn>`; typed by people for a lookup, so spaces and case are tolerated. */
export const dossierCodeSchema = z.pipe(
	z.string().check(z.trim(), z.toUpperCase()),
	z
		.string()
		.check(
			z.refine(
				(c) => parseDossierCode(c) !== null,
				'Mã hồ sơ có dạng 000.00.19.H47-260105-0001 (mã cơ quan - ngày tiếp nhận yymmdd - số thứ tự)'
			)
		)
);

// ---- submission manifest (client → PUT /api/dossiers/{id}) ----

export const manifestAttachmentSchema = z.strictObject({
	/** The attachment field of the form this file fills. */
	slot: fieldIdSchema,
	sha256: sha256HexSchema,
	name: z.string().check(z.minLength(1, 'Tệp đính kèm phải có tên'), z.maxLength(200, 'Tên tệp đính kèm tối đa 200 ký tự')),
	size: z.int().check(z.positive('Tệp đính kèm rỗng')),
	type: attachmentTypeSchema,
	/** What the paper is, when it came from the store (type, number, dates, whose): kept as the verified paper's metadata once accepted. */
	document: z.optional(documentMetadataSchema)
});
export type ManifestAttachment = z.infer<typeof manifestAttachmentSchema>;

const postStreetSchema = z
	.string()
	.check(
		z.trim(),
		z.minLength(1, 'Hãy nhập số nhà, tên đường (thôn, tổ) để bưu điện giao kết quả'),
		z.maxLength(200, 'Số nhà, tên đường (thôn, tổ) tối đa 200 ký tự')
	);

export const manifestDeliverySchema = z.discriminatedUnion('method', [
	z.strictObject({ method: z.literal('counter') }),
	z.strictObject({
		method: z.literal('post'),
		address: z.strictObject({
			provinceCode: addressAnswerSchema.shape.provinceCode,
			communeCode: addressAnswerSchema.shape.communeCode,
			street: postStreetSchema
		})
	}),
	z.strictObject({ method: z.literal('online') })
]);
export type ManifestDelivery = z.infer<typeof manifestDeliverySchema>;

/**
 * Bounds on a manifest's answers, far above any form in the catalogue (≤ 40 fields, texts
 * ≤ 1,500 characters, addresses and file lists two levels deep), checked on the device before
 * sending and on the server alike (issue 12, defect 6).
 */
export const MANIFEST_BOUNDS = { fields: 200, textLength: 5000, depth: 6, arrayLength: 100, totalBytes: 256 * 1024 } as const;

/** A JSON value within the bounds, walked without recursion (a 5,000-level value must not overflow the stack). */
function isBoundedJson(value: unknown): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, depth] = stack.pop()!;
		if (v === null || typeof v === 'boolean') continue;
		if (typeof v === 'number') {
			if (!Number.isFinite(v)) return false;
			continue;
		}
		if (typeof v === 'string') {
			if (v.length > MANIFEST_BOUNDS.textLength) return false;
			continue;
		}
		if (typeof v !== 'object' || depth >= MANIFEST_BOUNDS.depth) return false;
		const items = Array.isArray(v) ? v : Object.getPrototypeOf(v) === Object.prototype ? Object.values(v) : null;
		if (!items || items.length > MANIFEST_BOUNDS.arrayLength) return false;
		for (const item of items) stack.push([item, depth + 1]);
	}
	return true;
}

const answerValueSchema = z.custom<z.core.util.JSONType>(
	isBoundedJson,
	`Câu trả lời quá dài hoặc quá nhiều tầng (tối đa ${MANIFEST_BOUNDS.textLength} ký tự mỗi ô, ${MANIFEST_BOUNDS.arrayLength} mục mỗi danh sách)`
);

const answersSchema = z
	.record(fieldIdSchema, answerValueSchema)
	.check(
		z.refine((a) => Object.keys(a).length <= MANIFEST_BOUNDS.fields, `Tờ khai có quá nhiều mục (tối đa ${MANIFEST_BOUNDS.fields})`),
		z.refine((a) => new TextEncoder().encode(JSON.stringify(a)).length <= MANIFEST_BOUNDS.totalBytes, `Nội dung tờ khai quá lớn (tối đa ${MANIFEST_BOUNDS.totalBytes / 1024} KB)`)
	);

export const dossierManifestSchema = z.strictObject({
	version: z.literal(1),
	procedureCode: procedureCodeSchema,
	/** Form answers by field id, as the form engine stores them (JSON values). */
	answers: answersSchema,
	attachments: z.array(manifestAttachmentSchema),
	delivery: manifestDeliverySchema,
	agencyCode: agencyCodeSchema,
	/** When the citizen pressed "Nộp" (device clock); the legal receipt time is the server's. */
	submittedAt: isoDateTimeSchema
});
export type DossierManifest = z.infer<typeof dossierManifestSchema>;
export type DossierManifestInput = z.input<typeof dossierManifestSchema>;

/**
 * The content of a manifest as canonical JSON (keys sorted at every level, arrays in order,
 * no whitespace), for the idempotent PUT: same dossier id + same digest → same receipt; a
 * different digest under an existing id is a conflict. The caller hashes it (Web Crypto /
 * node:crypto) if it wants a short key.
 *
 * `submittedAt` is left out on purpose: it records when the button was pressed, not what was
 * submitted, and a retry must not turn into a conflict because a clock was read again.
 */
export function manifestDigest(manifest: DossierManifestInput): string {
	const { submittedAt: _, ...content } = dossierManifestSchema.parse(manifest);
	return canonicalJson(content);
}

export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Số không hữu hạn không có trong JSON');
	return JSON.stringify(value);
}

// ---- receipt (server → client) ----

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả, as the server answers the PUT. */
export const dossierReceiptSchema = z.strictObject({
	dossierId: uuidSchema,
	code: dossierCodeSchema,
	procedureCode: procedureCodeSchema,
	procedureName: z.string().check(z.minLength(1)),
	receivedAt: isoDateTimeSchema,
	appointmentDate: isoDateSchema,
	status: z.literal(1),
	agencyName: z.string().check(z.minLength(1)),
	/** Fees and charges for the answers given (absent on receipts issued before fees were assessed). */
	fees: z.optional(feeAssessmentSchema)
});
export type DossierReceipt = z.infer<typeof dossierReceiptSchema>;

// ---- before the PUT: which files the server holds, and the tus upload metadata ----

export const MAX_CHECK_HASHES = 50;

/** POST /api/blobs/check */
export const blobCheckRequestSchema = z.strictObject({
	hashes: z.array(sha256HexSchema).check(z.maxLength(MAX_CHECK_HASHES, `Hỏi tối đa ${MAX_CHECK_HASHES} tệp mỗi lần`))
});
export type BlobCheckRequest = z.infer<typeof blobCheckRequestSchema>;
export const blobCheckAnswerSchema = z.object({ present: z.array(sha256HexSchema) });
export type BlobCheckAnswer = z.infer<typeof blobCheckAnswerSchema>;

/** tus `Upload-Metadata` of an attachment upload (POST /api/uploads). */
export const tusMetadataSchema = z.object({
	sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Thiếu mã SHA-256 của tệp (64 ký tự hex chữ thường) trong Upload-Metadata.')),
	filename: z.string('Thiếu tên tệp (filename) trong Upload-Metadata.').check(z.minLength(1, 'Thiếu tên tệp (filename) trong Upload-Metadata.')),
	filetype: z.string()
});
export type TusMetadata = z.infer<typeof tusMetadataSchema>;

// ---- reading dossiers back (GET /api/dossiers, GET /api/dossiers/{id}) ----

const statusCodeSchema = z.int().check(z.minimum(1), z.maximum(10));

export const dossierListItemSchema = z.object({
	id: uuidSchema,
	code: z.string(),
	procedure: z.object({ code: procedureCodeSchema, name: z.string() }),
	status: statusCodeSchema,
	statusName: z.string(),
	receivedAt: isoDateTimeSchema,
	appointmentDate: isoDateSchema
});
export type DossierListItem = z.infer<typeof dossierListItemSchema>;
export const dossierListAnswerSchema = z.object({ dossiers: z.array(dossierListItemSchema) });

export const dossierEventSchema = z.object({
	status: statusCodeSchema,
	statusName: z.string(),
	at: z.string(),
	note: z.nullable(z.string())
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;

export const dossierDetailSchema = z.extend(dossierListItemSchema, {
	receipt: dossierReceiptSchema,
	manifest: dossierManifestSchema,
	events: z.array(dossierEventSchema),
	/** Financial obligations the agency asked for (status 6), with their payment state. */
	obligations: z.optional(z.array(obligationSchema)),
	/** How the result is handed over and its files (for the owner). */
	result: z.optional(resultViewSchema),
	/** The owner's satisfaction rating, once given. */
	rating: z.optional(z.nullable(ratingViewSchema))
});
export type DossierDetail = z.infer<typeof dossierDetailSchema>;

/** The official name of a status code, or the code itself for one this release does not know. */
export const statusName = (s: number): string => dossierStatusNames[s as keyof typeof dossierStatusNames] ?? String(s);
