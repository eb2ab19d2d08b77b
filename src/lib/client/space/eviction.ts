/**
 * What happens once the browser wiped a space's data (db/holdings.ts notices it at start; this
 * module is downloaded only then): the loss is shown until the person acknowledges it, persistent
 * storage is asked for again, and a signed-in account gets its sent dossiers and their receipts
 * back from the server (GET /api/dossiers, then each dossier's receipt). Unsent drafts existed only
 * on the phone: the notice names them.
 */
import { GUEST_ACCOUNT_ID, openAccountDb, type AccountDb } from '../db/account-db';
import { readLoss, type Loss } from '../db/holdings';
import { localKeys, writeStored } from '../db/keys';
import { restoreReceipts } from '../db/outbox';
import { storeDossierList } from '../db/dossier-cache';
import { dossiersApi } from '../api/dossiers';
import { requestPersistence } from '../storage';
import { session } from './session.svelte';
import { lossState, type ShownLoss } from './loss.svelte';

/** At most this many receipts are fetched one by one after a wipe (the list itself has them all). */
const MAX_RESTORED = 50;

type Api = Pick<ReturnType<typeof dossiersApi>, 'listDossiers' | 'getDossier'>;

/** Brings the account's sent dossiers (the list) and the receipts the device lacks back; returns how many receipts. */
export async function restoreFromServer(db: AccountDb, api: Api = dossiersApi()): Promise<number> {
	const list = await api.listDossiers();
	await storeDossierList(db, list);
	const known = new Set(await db.receipts.toCollection().primaryKeys());
	const missing = list.filter((d) => !known.has(d.id)).slice(0, MAX_RESTORED);
	const receipts = [];
	for (const d of missing) receipts.push((await api.getDossier(d.id)).receipt);
	await restoreReceipts(db, receipts);
	return receipts.length;
}

/**
 * Shows the loss found at this start (`loss`) or one noticed earlier and not acknowledged, and
 * repairs what it can. A restore that could not run (offline, signed out) is tried at the next start.
 */
export async function reportLoss(accountId: string, loss: Loss | null, api?: Api): Promise<void> {
	const db = openAccountDb(accountId);
	const show = (l: ShownLoss) => {
		writeStored('local', localKeys.evicted(accountId), JSON.stringify(l));
		if (session.accountId === db.accountId) lossState.loss = l;
	};
	let shown = readLoss<ShownLoss>(accountId);
	if (loss) {
		const persistence = await requestPersistence();
		writeStored('local', localKeys.persistence, persistence);
		shown = { ...loss, persistence };
	}
	if (!shown) return;
	show(shown);
	if (shown.restored !== undefined || db.accountId === GUEST_ACCOUNT_ID || globalThis.navigator?.onLine === false) return;
	try {
		show({ ...shown, restored: await restoreFromServer(db, api) });
	} catch {
		// Signed out or no signal: tried again at the next start while the notice stays.
	}
}

/** "Đã hiểu": the notice goes for good. */
export function dismissLoss(accountId: string): void {
	writeStored('local', localKeys.evicted(accountId), null);
	if (lossState.loss?.accountId === accountId) lossState.loss = null;
	if (lossState.found?.accountId === accountId) lossState.found = null;
}
