/**
 * The outbox record: one frozen dossier version on its way to the server. Stored in the
 * per-account `outbox` table (schema.ts declares the table and its `id, state, draftId`
 * indexes; these fields ride along without a schema change).
 */
import type { DossierManifest, DossierReceipt } from '$lib/domain/dossier';

/**
 * queued → uploading → submitting → received, or needs-attention (the server refused the
 * content; a fixed draft is a new version with a new id) or paused (no session; resumes
 * after sign-in).
 */
export type OutboxState = 'queued' | 'uploading' | 'submitting' | 'received' | 'needs-attention' | 'paused';

/** States the engine works on; `paused` only when explicitly resumed or at start-up. */
export const ACTIVE_STATES: readonly OutboxState[] = ['queued', 'uploading', 'submitting'];

export interface AttachmentProgress {
	sha256: string;
	/** Bytes the server has acknowledged (tus offset), never more than `total`. */
	bytesSent: number;
	total: number;
	/** The tus upload URL, kept so an interrupted upload resumes from the server's offset. */
	uploadUrl?: string;
	/** True once the server holds the blob (uploaded now, or already there). */
	done: boolean;
}

export interface OutboxEntry {
	/** The dossier id (UUIDv7), generated once: retries PUT the same id, so never a duplicate. */
	id: string;
	draftId: string;
	procedureCode: string;
	procedureName: string;
	/** Draft revision frozen into this version; a later edit makes a new version. */
	draftRevision: number;
	manifest: DossierManifest;
	state: OutboxState;
	progress: AttachmentProgress[];
	attempts: number;
	/** Epoch ms; the engine leaves the entry alone until then (backoff). */
	nextAttemptAt: number;
	/** Vietnamese, for the person: what went wrong and what happens next. */
	lastError?: string;
	/** Server field messages keyed by answer path (422), shown on the draft. */
	fieldErrors?: Record<string, string>;
	receipt?: DossierReceipt;
	createdAt: string;
	updatedAt: string;
}

export interface ReceiptEntry extends DossierReceipt {
	/** = dossierId, the key of the receipts table. */
	id: string;
	draftId: string;
	storedAt: string;
}
