/**
 * The outbox record: one frozen dossier version on its way to the server, in the per-account
 * `outbox` table (indexes `id, state, draftId`). Records are validated when read: a record
 * that a newer release wrote (a higher `schemaVersion`) is shown but never written by this
 * code, and unknown fields are kept, so that a service worker and an open page of different
 * releases cannot corrupt each other's work. Transitions: ../sync/states.ts.
 */
import * as z from 'zod/mini';
import type { DossierManifest, DossierReceipt } from '$lib/domain/wire/dossiers';

/**
 * Version of the record format this code writes. Records from before versioning read as 1.
 * 2: an entry may be an action on a sent dossier (`action`: a supplement or a withdrawal); a
 * release that only knows 1 would PUT its manifest as a new dossier, so it leaves 2 alone.
 */
export const OUTBOX_RECORD_VERSION = 2;

/** The citizen's own actions on a sent dossier that travel through the outbox. */
export const outboxActions = ['supplement', 'withdraw'] as const;

export const outboxStates = ['queued', 'uploading', 'submitting', 'received', 'needs-attention', 'paused', 'withdrawn'] as const;
export type OutboxState = (typeof outboxStates)[number];

export const attachmentProgressSchema = z.looseObject({
	sha256: z.string(),
	/** Bytes the server has acknowledged (tus offset), never more than `total`. */
	bytesSent: z.number(),
	total: z.number(),
	/** The tus upload URL, kept so an interrupted upload resumes from the server's offset. */
	uploadUrl: z.optional(z.string()),
	/** True once the server holds the blob (uploaded now, or already there). */
	done: z.boolean()
});
export interface AttachmentProgress {
	sha256: string;
	bytesSent: number;
	total: number;
	uploadUrl?: string;
	done: boolean;
}

/**
 * The manifest and the receipt were checked with their full wire schemas when they entered
 * the record (enqueue, receipt); on read only their shape is checked, so that the pages that
 * list the outbox do not download those schemas.
 */
const manifestShape = z.looseObject({
	version: z.literal(1),
	procedureCode: z.string(),
	answers: z.record(z.string(), z.unknown()),
	attachments: z.array(z.looseObject({ slot: z.string(), sha256: z.string(), name: z.string(), size: z.number(), type: z.string() })),
	delivery: z.looseObject({ method: z.enum(['counter', 'post', 'online']) }),
	agencyCode: z.string(),
	submittedAt: z.string()
});
const receiptShape = z.looseObject({
	dossierId: z.string(),
	code: z.string(),
	procedureCode: z.string(),
	procedureName: z.string(),
	receivedAt: z.string(),
	appointmentDate: z.string(),
	status: z.number(),
	agencyName: z.string()
});

const outboxEntryShape = z.looseObject({
	/** The dossier id (UUIDv7), generated once: retries PUT the same id, so never a duplicate. */
	id: z.string(),
	draftId: z.string(),
	procedureCode: z.string(),
	procedureName: z.string(),
	/** Draft revision frozen into this version; a later edit makes a new version. */
	draftRevision: z.number(),
	manifest: manifestShape,
	state: z.enum(outboxStates),
	progress: z.array(attachmentProgressSchema),
	attempts: z.number(),
	/** Epoch ms; the engine leaves the entry alone until then (backoff). */
	nextAttemptAt: z.number(),
	/** Vietnamese, for the person: what went wrong and what happens next. */
	lastError: z.optional(z.string()),
	/** Server field messages keyed by answer path (422), shown on the draft. */
	fieldErrors: z.optional(z.record(z.string(), z.string())),
	receipt: z.optional(receiptShape),
	/** Whose dossier it is (the applicant's name as typed), for the outbox and the receipt. */
	applicantName: z.optional(z.string()),
	/** Present on an action on a sent dossier: the entry's id is then the action's request id (fields: OutboxAction). */
	action: z.optional(z.looseObject({ dossierId: z.string(), dossierCode: z.string(), name: z.enum(outboxActions), expectedStatus: z.number() })),
	createdAt: z.string(),
	updatedAt: z.string(),
	schemaVersion: z.optional(z.int())
});

/**
 * A supplement ("bổ sung") or a withdrawal ("rút hồ sơ") of a sent dossier, queued like a first
 * submission: the entry's `id` is the request id (a resend is applied once), `progress` holds
 * the papers added now, and `manifest` is the dossier as the action leaves it on the server —
 * the supplemented one, or for a withdrawal the one the server already holds (nothing is PUT).
 */
export interface OutboxAction {
	dossierId: string;
	dossierCode: string;
	name: (typeof outboxActions)[number];
	expectedStatus: number;
	note?: string;
	/** The status the server answered (received), or the one it was found in when refused. */
	status?: { code: number; name: string };
	/** The server's error code when it refused the action (`status_changed`: the desk decided first). */
	refusedCode?: string;
}
/** One outbox record as this code reads and writes it (fields a newer release added are kept in storage). */
export interface OutboxEntry {
	id: string;
	draftId: string;
	procedureCode: string;
	procedureName: string;
	draftRevision: number;
	manifest: DossierManifest;
	state: OutboxState;
	progress: AttachmentProgress[];
	attempts: number;
	nextAttemptAt: number;
	lastError?: string;
	fieldErrors?: Record<string, string>;
	receipt?: DossierReceipt;
	applicantName?: string;
	action?: OutboxAction;
	createdAt: string;
	updatedAt: string;
	schemaVersion?: number;
}

/** A stored receipt (giấy tiếp nhận), keyed by the dossier id. */
const receiptEntryShape = z.looseObject({
	...receiptShape.shape,
	/** = dossierId, the key of the receipts table. */
	id: z.string(),
	draftId: z.string(),
	storedAt: z.string(),
	applicantName: z.optional(z.string()),
	/** The status the server last reported (GET /api/dossiers), kept for offline viewing. */
	lastStatus: z.optional(z.looseObject({ status: z.number(), name: z.string(), checkedAt: z.string() }))
});
export interface LastStatus {
	status: number;
	name: string;
	checkedAt: string;
}
export type ReceiptEntry = DossierReceipt & { id: string; draftId: string; storedAt: string; applicantName?: string; lastStatus?: LastStatus };

export type ReadResult<T> = { ok: true; record: T; writable: boolean } | { ok: false; reason: 'invalid' | 'newer' };

/** Reads a stored outbox record: valid and writable, valid but from a newer release (read-only), or invalid. */
export function readOutboxRecord(raw: unknown): ReadResult<OutboxEntry> {
	const parsed = outboxEntryShape.safeParse(raw);
	if (!parsed.success) return { ok: false, reason: 'invalid' };
	const writable = (parsed.data.schemaVersion ?? 1) <= OUTBOX_RECORD_VERSION;
	// The manifest and receipt were fully validated when written (see above).
	return { ok: true, record: parsed.data as unknown as OutboxEntry, writable };
}

/** Reads a stored receipt, or undefined when it is not one. */
export function readReceiptRecord(raw: unknown): ReceiptEntry | undefined {
	const parsed = receiptEntryShape.safeParse(raw);
	return parsed.success ? (parsed.data as unknown as ReceiptEntry) : undefined;
}
