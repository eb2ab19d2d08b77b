/**
 * GET /api/documents: the signed-in citizen's papers the state holds — "verified" (a file of
 * a dossier an officer accepted: provided once, never asked for again) and "issued" (a result
 * file an agency issued: "Do cơ quan cấp"). Each carries what a manifest attachment needs
 * (hash, name, size, type), so a new dossier attaches it by reference and uploads nothing.
 * `?procedure=1.001193` adds, per attachment slot of that procedure, the valid papers that
 * can fill it ("Đã có bản được xác nhận, không cần nộp lại").
 */
import * as z from 'zod/mini';
import { documentMetadataSchema } from '../documents';
import { attachmentTypeSchema, fieldIdSchema, isoDateSchema, isoDateTimeSchema, procedureCodeSchema, sha256HexSchema, uuidSchema } from './primitives';

export const paperOrigins = ['verified', 'issued'] as const;
export type PaperOrigin = (typeof paperOrigins)[number];

export const paperValiditySchema = z.object({
	state: z.enum(['valid', 'expired', 'unknown']),
	until: z.nullable(isoDateSchema)
});

export const paperSchema = z.object({
	id: uuidSchema,
	origin: z.enum(paperOrigins),
	metadata: documentMetadataSchema,
	validity: paperValiditySchema,
	/** false for a paper made for one case (an authorisation): listed, never offered for a new dossier. */
	reusable: z.boolean(),
	file: z.object({
		sha256: sha256HexSchema,
		/** The file name as attached or issued. */
		name: z.string().check(z.minLength(1)),
		size: z.int().check(z.positive()),
		type: attachmentTypeSchema
	}),
	/** The dossier that proved it (verified) or issued it (issued). */
	dossier: z.object({ id: uuidSchema, code: z.string(), procedureCode: procedureCodeSchema, procedureName: z.string() }),
	/** The attachment slot it filled (verified papers). */
	slot: z.optional(fieldIdSchema),
	agencyName: z.string(),
	/** When the officer accepted the dossier, or issued the result. */
	at: isoDateTimeSchema
});
export type Paper = z.infer<typeof paperSchema>;

/** A slot of the asked procedure and the valid, reusable papers that fill it (ids from `papers`). */
export const heldSlotSchema = z.object({ slot: fieldIdSchema, paperIds: z.array(uuidSchema) });
export type HeldSlot = z.infer<typeof heldSlotSchema>;

export const documentsAnswerSchema = z.object({
	papers: z.array(paperSchema),
	/** Present when `?procedure=` was asked: only slots with at least one paper. */
	held: z.optional(z.array(heldSlotSchema))
});
export type DocumentsAnswer = z.infer<typeof documentsAnswerSchema>;
