/**
 * A citizen's action on a sent dossier — the supplement the desk asked for ("bổ sung") or a
 * withdrawal ("rút hồ sơ") — goes through the outbox like a first submission: frozen on the
 * device when the person presses the button, then sent by the one engine (page or service
 * worker, Background Sync), its new papers over resumable tus uploads, the action itself under
 * one request id however often it is sent, so the server applies it once.
 */
import { supplementManifest, type AddedPaper } from '$lib/domain/supplement';
import { uuidv7 } from '$lib/domain/uuid';
import { dossierManifestSchema, type DossierManifest } from '$lib/domain/wire/dossiers';
import { attachmentTypes } from '$lib/domain/wire/primitives';
import type { AccountDb } from '../db/account-db';
import { putBlob } from '../db/blobs';
import { listCachedDossiers, setPendingAction } from '../db/dossier-cache';
import { readable } from '../db/outbox';
import { OUTBOX_RECORD_VERSION, type OutboxAction, type OutboxEntry } from '../db/outbox-record';

/** What the dossier page knows of the dossier when the person acts. */
export interface ActedDossier {
	id: string;
	code: string;
	procedure: { code: string; name: string };
	status: number;
	manifest: DossierManifest;
}

/** States in which an action is still on its way: a second press returns that entry. */
const LIVE: readonly OutboxEntry['state'][] = ['queued', 'uploading', 'submitting', 'paused'];

/** The action still on its way for this dossier (one at a time), or the last one (received, refused). */
export async function actionEntries(db: AccountDb, dossierId: string): Promise<OutboxEntry[]> {
	const all = readable(await db.outbox.where('draftId').equals('').toArray());
	return all.filter((e) => e.action?.dossierId === dossierId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

type Added = Pick<AddedPaper, 'sha256' | 'size'> & { uploadUrl?: string };

async function enqueue(
	db: AccountDb,
	dossier: ActedDossier,
	action: Omit<OutboxAction, 'dossierId' | 'dossierCode' | 'expectedStatus'>,
	manifest: DossierManifest,
	added: Added[],
	now: Date,
	requestId = uuidv7()
) {
	return db.transaction('rw', [db.outbox], async (db) => {
		const earlier = readable(await db.outbox.where('draftId').equals('').toArray()).filter((e) => e.action?.dossierId === dossier.id);
		const live = earlier.find((e) => LIVE.includes(e.state));
		if (live) return { entry: live, created: false };
		const entry: OutboxEntry = {
			// The request id: every resend of this entry is the same request on the server.
			id: requestId,
			draftId: '',
			procedureCode: dossier.procedure.code,
			procedureName: dossier.procedure.name,
			draftRevision: 0,
			manifest,
			state: 'queued',
			progress: [...new Map(added.map((a) => [a.sha256, a])).values()].map((a) => ({ sha256: a.sha256, bytesSent: 0, uploadUrl: a.uploadUrl, total: a.size, done: false })),
			attempts: 0,
			nextAttemptAt: 0,
			action: { dossierId: dossier.id, dossierCode: dossier.code, expectedStatus: dossier.status, ...action },
			createdAt: now.toISOString(),
			updatedAt: now.toISOString(),
			schemaVersion: OUTBOX_RECORD_VERSION
		};
		await db.outbox.add(entry);
		return { entry, created: true };
	});
}

/**
 * Freezes a supplement: the papers go into the blob store (typed by their first bytes, as the
 * server will), the new manifest is built and checked with the server's schema now, and the
 * entry waits in the outbox. A mistake shows here, before anything is sent.
 */
export async function queueSupplement(
	db: AccountDb,
	dossier: ActedDossier,
	papers: { slot: string; file: File }[],
	note: string,
	now = new Date()
): Promise<{ entry: OutboxEntry; created: boolean }> {
	const added: AddedPaper[] = [];
	for (const { slot, file } of papers) {
		const blob = await putBlob(db, file, file.name);
		if (!(attachmentTypes as readonly string[]).includes(blob.type))
			throw new Error(`Tệp "${file.name}" không phải ảnh JPEG, PNG, WebP hay tệp PDF; hãy chọn tệp khác.`);
		added.push({ slot, sha256: blob.sha256, name: file.name.slice(0, 200) || 'giay-to-bo-sung', size: blob.size, type: blob.type as AddedPaper['type'] });
	}
	const manifest = dossierManifestSchema.parse(supplementManifest(dossier.manifest, added, now.toISOString()));
	return enqueue(db, dossier, { name: 'supplement', ...(note.trim() ? { note: note.trim() } : {}) }, manifest, added, now);
}

/** Freezes a withdrawal ("rút hồ sơ"): nothing to upload, sent as soon as there is a line. */
export async function queueWithdrawal(db: AccountDb, dossier: ActedDossier, note: string, now = new Date()): Promise<{ entry: OutboxEntry; created: boolean }> {
	return enqueue(db, dossier, { name: 'withdraw', ...(note.trim() ? { note: note.trim() } : {}) }, dossier.manifest, [], now);
}

/**
 * "Gửi lại" after a refusal: the same papers and words as a new request (a refused request id
 * stays refused on the server); uploads already made are not made again (the blob check).
 */
export async function resendAction(db: AccountDb, id: string, now = new Date()): Promise<void> {
	await db.transaction('rw', [db.outbox], async (db) => {
		const [entry] = readable([await db.outbox.get(id)].filter(Boolean), { writableOnly: true });
		if (!entry?.action || entry.state !== 'needs-attention') return;
		await db.outbox.delete(id);
		const { refusedCode: _code, status: _status, ...action } = entry.action;
		await db.outbox.add({
			...entry,
			id: uuidv7(),
			action,
			state: 'queued',
			progress: entry.progress.map((p) => ({ ...p, done: false, bytesSent: 0, uploadUrl: undefined })),
			attempts: 0,
			nextAttemptAt: 0,
			lastError: undefined,
			fieldErrors: undefined,
			createdAt: now.toISOString(),
			updatedAt: now.toISOString(),
			schemaVersion: OUTBOX_RECORD_VERSION
		});
	});
}

/** "Bỏ": a refused action is dropped (one still on its way is not: it may be arriving now). */
export async function discardAction(db: AccountDb, id: string): Promise<void> {
	await db.transaction('rw', [db.outbox], async (db) => {
		const [entry] = readable([await db.outbox.get(id)].filter(Boolean), { writableOnly: true });
		if (entry?.action && entry.state === 'needs-attention') await db.outbox.delete(id);
	});
}

/**
 * Releases before this one kept a supplement waiting in the dossier cache and sent it from the
 * open page only. Such a waiting supplement moves into the outbox under its own request id (so
 * a copy that did reach the server is not applied twice), with its upload addresses.
 */
export async function adoptWaitingSupplements(db: AccountDb): Promise<number> {
	let moved = 0;
	for (const record of await listCachedDossiers(db)) {
		const pending = record.pendingAction;
		const detail = record.detail as { manifest?: DossierManifest } | undefined;
		if (!pending || pending.refused || !detail?.manifest) continue;
		const manifest = dossierManifestSchema.safeParse(pending.manifest);
		if (!manifest.success) continue;
		const dossier: ActedDossier = { id: record.id, code: record.code, procedure: record.procedure, status: pending.expectedStatus, manifest: detail.manifest };
		await enqueue(db, dossier, { name: 'supplement', ...(pending.note ? { note: pending.note } : {}) }, manifest.data, pending.files, new Date(pending.createdAt), pending.requestId);
		await setPendingAction(db, record.id, undefined);
		moved++;
	}
	return moved;
}
