/**
 * "Hồ sơ của tôi" on the device: the list and each dossier as the server last described them
 * (kept in the account's database, so they open with no signal), refreshed when the page
 * opens, when it comes back into view, when the network returns, when a push says something
 * changed, and every half minute while it is on screen (the list only: a dossier's detail is
 * fetched again only when its status or appointment moved). The supplement a person sends is
 * frozen on the device first and sent from there until the server has answered it.
 */
import { citizenDossierSchema, type CitizenDossier } from '$lib/domain/wire/workflow';
import { dossierManifestSchema } from '$lib/domain/wire/dossiers';
import { attachmentTypes } from '$lib/domain/wire/primitives';
import { supplementManifest, type AddedPaper } from '$lib/domain/supplement';
import { uuidv7 } from '$lib/domain/uuid';
import { dossiersApi } from './api/dossiers';
import { ApiFailure } from './api/request';
import type { AccountDb } from './db/account-db';
import { getBlob, putBlob } from './db/blobs';
import {
	getCachedDossier,
	listCachedDossiers,
	listPendingActions,
	setPendingAction,
	storeDossierDetail,
	storeDossierList,
	type CachedDossier,
	type PendingAction
} from './db/dossier-cache';
import { rememberStatuses } from './db/outbox';
import { createTusUploader, type Uploader } from './sync/uploader';

export type { CachedDossier, PendingAction } from './db/dossier-cache';

/** The full answer kept for this dossier, if one was fetched and still reads under today's schema. */
export function cachedDetail(record: CachedDossier | undefined): CitizenDossier | undefined {
	const parsed = citizenDossierSchema.safeParse(record?.detail);
	return parsed.success ? parsed.data : undefined;
}

/** GET /api/dossiers into the cache (and the outbox's receipts); the cached list afterwards. */
export async function refreshList(db: AccountDb, api = dossiersApi()): Promise<CachedDossier[]> {
	const items = await api.listDossiers();
	await storeDossierList(db, items);
	await rememberStatuses(db, items);
	return listCachedDossiers(db);
}

/** GET /api/dossiers/{id} into the cache; the fresh detail. */
export async function refreshDossier(db: AccountDb, id: string, api = dossiersApi()): Promise<CitizenDossier> {
	const detail = await api.getDossier(id);
	await storeDossierDetail(db, detail);
	await rememberStatuses(db, [detail]);
	return detail;
}

/** Freezes a supplement on the device (files in the blob store, the manifest built now) and returns it. */
export async function queueSupplement(
	db: AccountDb,
	dossier: CitizenDossier,
	papers: { slot: string; file: File }[],
	note: string,
	now = new Date()
): Promise<PendingAction> {
	const added: AddedPaper[] = [];
	for (const { slot, file } of papers) {
		// The type by the file's first bytes, as the server will sniff it.
		const blob = await putBlob(db, file, file.name);
		if (!(attachmentTypes as readonly string[]).includes(blob.type))
			throw new Error(`Tệp "${file.name}" không phải ảnh JPEG, PNG, WebP hay tệp PDF; hãy chọn tệp khác.`);
		added.push({ slot, sha256: blob.sha256, name: file.name.slice(0, 200) || 'giay-to-bo-sung', size: blob.size, type: blob.type as AddedPaper['type'] });
	}
	// The same schema the server checks: a mistake shows here, before anything is sent.
	const manifest = dossierManifestSchema.parse(supplementManifest(dossier.manifest, added, now.toISOString()));
	const pending: PendingAction = {
		requestId: uuidv7(),
		action: 'supplement',
		expectedStatus: dossier.status,
		...(note.trim() ? { note: note.trim() } : {}),
		manifest,
		files: added.map(({ sha256, name, size, type }) => ({ sha256, name, size, type })),
		createdAt: now.toISOString()
	};
	await setPendingAction(db, dossier.id, pending);
	return pending;
}

export type SendOutcome = { sent: true; detail: CitizenDossier } | { sent: false; failure: ApiFailure };

/**
 * Sends the dossier's waiting supplement: the papers the server lacks over tus (resumable:
 * the upload URL is kept), then the action with its request id. A network failure leaves it
 * waiting; a refusal is kept with the server's message for the person to see.
 */
export async function sendPending(db: AccountDb, id: string, api = dossiersApi(), upload: Uploader = createTusUploader()): Promise<SendOutcome | null> {
	const record = await getCachedDossier(db, id);
	const pending = record?.pendingAction;
	if (!pending || pending.refused) return null;
	try {
		const present = new Set(pending.files.length ? await api.checkBlobs(pending.files.map((f) => f.sha256)) : []);
		for (const file of pending.files.filter((f) => !present.has(f.sha256))) {
			const blob = await getBlob(db, file.sha256);
			if (!blob) throw new ApiFailure('http', 0, { code: 'missing_blobs', message: `Tệp "${file.name}" không còn trên máy; hãy chọn lại giấy tờ rồi gửi lại.` });
			await upload({
				data: blob.data,
				sha256: file.sha256,
				name: file.name,
				type: file.type,
				uploadUrl: file.uploadUrl,
				onUploadUrl: async (url) => {
					file.uploadUrl = url;
					await setPendingAction(db, id, pending);
				},
				onProgress: () => {}
			});
		}
		await api.act(id, {
			requestId: pending.requestId,
			action: 'supplement',
			expectedStatus: pending.expectedStatus,
			...(pending.note ? { note: pending.note } : {}),
			manifest: dossierManifestSchema.parse(pending.manifest)
		});
		await setPendingAction(db, id, undefined);
		return { sent: true, detail: await refreshDossier(db, id, api) };
	} catch (error) {
		const failure = error instanceof ApiFailure ? error : new ApiFailure('http', 0, { code: 'client_error', message: (error as Error).message });
		if (!failure.retryable && !failure.signedOut) await setPendingAction(db, id, { ...pending, refused: failure.message });
		return { sent: false, failure };
	}
}

/** Sends every waiting supplement of this account (page open, network back). */
export async function sendAllPending(db: AccountDb): Promise<void> {
	if (!navigator.onLine) return;
	for (const d of await listPendingActions(db)) await sendPending(db, d.id);
}

/**
 * A file of one's own dossier (a result): from the device when it was opened before; otherwise
 * downloaded and stored on the device, so it opens again without a signal. A full phone keeps
 * nothing, but the downloaded file is still handed back.
 */
export async function keptFile(db: AccountDb, dossierId: string, file: { sha256: string; name: string }, api = dossiersApi()): Promise<Blob> {
	const kept = await getBlob(db, file.sha256);
	if (kept) return kept.data;
	const blob = await api.file(dossierId, file.sha256);
	await putBlob(db, blob, file.name).catch(() => undefined);
	return blob;
}

export const REFRESH_EVERY_MS = 30_000;

/**
 * Calls `refresh` whenever the dossiers may have changed: back in view, network back, a push
 * received by the worker, and every REFRESH_EVERY_MS while the page is visible; and
 * `onlineChanged` with the network state now and on every change. Returns stop.
 */
export function watchDossierChanges(refresh: (dossierId: string | null) => void, onlineChanged: (online: boolean) => void = () => {}): () => void {
	const onVisible = () => document.visibilityState === 'visible' && refresh(null);
	const onNetwork = () => {
		onlineChanged(navigator.onLine);
		if (navigator.onLine) refresh(null);
	};
	const onMessage = (event: MessageEvent) => {
		if (event.data?.type === 'dossier-changed') refresh(typeof event.data.dossierId === 'string' ? event.data.dossierId : null);
	};
	onlineChanged(navigator.onLine);
	document.addEventListener('visibilitychange', onVisible);
	addEventListener('focus', onVisible);
	addEventListener('online', onNetwork);
	addEventListener('offline', onNetwork);
	navigator.serviceWorker?.addEventListener('message', onMessage);
	const timer = setInterval(() => document.visibilityState === 'visible' && navigator.onLine && refresh(null), REFRESH_EVERY_MS);
	return () => {
		document.removeEventListener('visibilitychange', onVisible);
		removeEventListener('focus', onVisible);
		removeEventListener('online', onNetwork);
		removeEventListener('offline', onNetwork);
		navigator.serviceWorker?.removeEventListener('message', onMessage);
		clearInterval(timer);
	};
}
