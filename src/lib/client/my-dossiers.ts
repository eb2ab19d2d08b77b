/**
 * "Hồ sơ của tôi" on the device: the list and each dossier as the server last described them
 * (kept in the account's database, so they open with no signal), refreshed when the page
 * opens, when it comes back into view, when the network returns, when a push says something
 * changed, and every half minute while it is on screen (the list only: a dossier's detail is
 * fetched again only when its status or appointment moved). A supplement or withdrawal the
 * person sends goes through the outbox (sync/actions.ts).
 */
import { citizenDossierSchema, type CitizenDossier } from '$lib/domain/wire/workflow';
import { dossiersApi } from './api/dossiers';
import type { AccountDb } from './db/account-db';
import { getBlob, putBlob } from './db/blobs';
import { listCachedDossiers, storeDossierDetail, storeDossierList, type CachedDossier } from './db/dossier-cache';
import { rememberStatuses } from './db/outbox';

export type { CachedDossier } from './db/dossier-cache';

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
