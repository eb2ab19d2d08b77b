/**
 * The stored paper ("giấy tờ trong kho"), in the per-account `documents` table (indexes
 * `id, holderKey, updatedAt, deletedAt`): what the person said about it (the domain's
 * metadata schema, the same one the manifest and the server's verified papers use) and its
 * files, each a blob in the `blobs` table by SHA-256, so attaching it to a dossier costs no
 * copy and the upload dedupes by hash. Records are read defensively: one written by a newer
 * release is shown but not rewritten, an unreadable one is skipped, never deleted.
 */
import * as z from 'zod/mini';
import type { DocumentMetadata } from '$lib/domain/documents';
import { attachmentTypeSchema, sha256HexSchema } from '$lib/domain/wire/primitives';
import type { AttachmentType } from '$lib/domain/wire/primitives';

/** Version of the record format this code writes. */
export const DOCUMENT_RECORD_VERSION = 1;

/**
 * Where the paper came from: added on this device, or (issue 14, items 4–5) a paper the
 * server verified in an accepted dossier or a result an agency issued.
 */
export const documentOrigins = ['device', 'verified', 'issued'] as const;
export type DocumentOrigin = (typeof documentOrigins)[number];

export interface StoredFile {
	sha256: string;
	name: string;
	type: AttachmentType;
	size: number;
	/** Pages of a PDF (1 for a photo). */
	pages: number;
}

/**
 * What the server says of a paper it holds (`GET /api/documents`): verified in an accepted
 * dossier or issued by an agency. Kept on the device so that the store shows it, and the form
 * knows the slot needs no upload, with no signal. A paper the person added on this device and
 * the server later verified (the same file) carries it too, instead of being listed twice.
 */
export interface ServerProof {
	paperId: string;
	origin: 'verified' | 'issued';
	reusable: boolean;
	dossierId: string;
	dossierCode: string;
	procedureCode: string;
	procedureName: string;
	slot?: string;
	agencyName: string;
	/** When the officer accepted the dossier, or issued the result. */
	at: string;
	/**
	 * The paper as the state recorded it (type, validity): the held-slot rule reads this, not
	 * what the person wrote on the device, so the device's answer is the server's. Absent on
	 * records merged by an older release (their own metadata stands in).
	 */
	metadata?: DocumentMetadata;
}

export interface StoredDocument {
	id: string;
	metadata: DocumentMetadata;
	/** Usually one file (a PDF, or a photo); a front and a back may be two photos. */
	files: StoredFile[];
	origin: DocumentOrigin;
	/** `holderKey(metadata.holder)`, indexed for the list grouped by person. */
	holderKey: string;
	createdAt: string;
	updatedAt: string;
	/** Set once the server holds this paper (verified or issued). */
	server?: ServerProof;
	/** Set by a delete, so "Hoàn tác" brings it back until it is purged. */
	deletedAt?: string;
	schemaVersion: number;
}

const storedFileShape = z.looseObject({
	sha256: sha256HexSchema,
	name: z.string(),
	type: attachmentTypeSchema,
	size: z.int(),
	pages: z.int()
});

const storedDocumentShape = z.looseObject({
	id: z.string(),
	metadata: z.looseObject({ typeId: z.string(), holder: z.looseObject({ kind: z.string() }) }),
	files: z.array(storedFileShape).check(z.minLength(1)),
	origin: z.string(),
	holderKey: z.string(),
	createdAt: z.string(),
	updatedAt: z.string(),
	deletedAt: z.optional(z.string()),
	schemaVersion: z.int()
});

export type DocumentRead = { ok: true; record: StoredDocument; writable: boolean } | { ok: false };

/** A stored record as this code can use it; the metadata was fully checked when written. */
export function readDocumentRecord(raw: unknown): DocumentRead {
	const parsed = storedDocumentShape.safeParse(raw);
	if (!parsed.success) return { ok: false };
	return { ok: true, record: parsed.data as unknown as StoredDocument, writable: parsed.data.schemaVersion <= DOCUMENT_RECORD_VERSION };
}
