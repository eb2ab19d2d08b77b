/**
 * The account's sent dossiers as the server last described them ("Hồ sơ của tôi"), kept in
 * the account's own database so the list, each timeline and a lookup of one's own code open
 * with no signal. Records are validated when read; what a newer release added is kept.
 */
import * as z from 'zod/mini';
import type { AccountDb } from './account-db';

export const DOSSIER_CACHE_VERSION = 1;

const cachedDossierShape = z.looseObject({
	id: z.string(),
	code: z.string(),
	procedure: z.looseObject({ code: z.string(), name: z.string() }),
	status: z.number(),
	statusName: z.string(),
	receivedAt: z.string(),
	appointmentDate: z.string(),
	/** The whole answer of GET /api/dossiers/{id} (timeline, supplement request, results) once fetched. */
	detail: z.optional(z.unknown()),
	/** When the server last told us about this dossier (ISO). */
	fetchedAt: z.string(),
	schemaVersion: z.optional(z.int()),
	pendingAction: z.optional(z.looseObject({ requestId: z.string(), action: z.literal('supplement'), files: z.array(z.looseObject({ sha256: z.string() })) }))
});

export interface CachedDossier {
	id: string;
	code: string;
	procedure: { code: string; name: string };
	status: number;
	statusName: string;
	receivedAt: string;
	appointmentDate: string;
	detail?: unknown;
	fetchedAt: string;
	schemaVersion?: number;
	/** An action pressed on this device and not yet answered by the server (sent again until it is). */
	pendingAction?: PendingAction;
}

/**
 * A supplement frozen when "Gửi bổ sung" was pressed, as releases before the outbox carried
 * actions kept it; read once more by sync/actions.ts (adoptWaitingSupplements), which moves it
 * into the outbox under the same request id. Nothing writes new ones.
 */
export interface PendingAction {
	requestId: string;
	action: 'supplement';
	expectedStatus: number;
	note?: string;
	manifest: unknown;
	/** The papers added now (uploaded before the action is sent), with the tus upload URL once one exists. */
	files: { sha256: string; name: string; size: number; type: string; uploadUrl?: string }[];
	createdAt: string;
	/** The server's message when it refused the action (then it is not sent again by itself). */
	refused?: string;
}

export type DossierSummary = Omit<CachedDossier, 'detail' | 'fetchedAt' | 'schemaVersion' | 'pendingAction'>;

function readCached(raw: unknown): CachedDossier | undefined {
	const parsed = cachedDossierShape.safeParse(raw);
	return parsed.success ? (parsed.data as CachedDossier) : undefined;
}

const summaryOf = (d: DossierSummary): DossierSummary => ({
	id: d.id,
	code: d.code,
	procedure: { code: d.procedure.code, name: d.procedure.name },
	status: d.status,
	statusName: d.statusName,
	receivedAt: d.receivedAt,
	appointmentDate: d.appointmentDate
});

/** Newest first. */
export async function listCachedDossiers(db: AccountDb): Promise<CachedDossier[]> {
	const all = (await db.dossiers.toArray()).map(readCached).filter((d): d is CachedDossier => Boolean(d));
	return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.code.localeCompare(a.code));
}

export async function getCachedDossier(db: AccountDb, id: string): Promise<CachedDossier | undefined> {
	return readCached(await db.dossiers.get(id));
}

/** The own dossier with this code (a lookup with no signal). */
export async function findCachedByCode(db: AccountDb, code: string): Promise<CachedDossier | undefined> {
	return readCached(await db.dossiers.where('code').equals(code).first());
}

/**
 * The list as the server answered it now: every dossier's summary replaced, its detail kept
 * unless the status or appointment moved (then the detail is stale and is fetched again).
 */
export async function storeDossierList(db: AccountDb, items: DossierSummary[], now = new Date()): Promise<void> {
	const fetchedAt = now.toISOString();
	await db.transaction('rw', [db.dossiers], async (db) => {
		for (const item of items) {
			const old = readCached(await db.dossiers.get(item.id));
			const same = old && old.status === item.status && old.appointmentDate === item.appointmentDate;
			const record = { ...(old ?? {}), ...summaryOf(item), fetchedAt, schemaVersion: DOSSIER_CACHE_VERSION } as CachedDossier;
			if (!same) delete record.detail;
			await db.dossiers.put(record);
		}
	});
}

/** One dossier's full answer, with its summary (an action still waiting to be sent is kept). */
export async function storeDossierDetail(db: AccountDb, detail: DossierSummary, now = new Date()): Promise<void> {
	await db.transaction('rw', [db.dossiers], async (db) => {
		const old = readCached(await db.dossiers.get(detail.id));
		const record: CachedDossier = { ...summaryOf(detail), detail: structuredClone(detail), fetchedAt: now.toISOString(), schemaVersion: DOSSIER_CACHE_VERSION };
		if (old?.pendingAction) record.pendingAction = old.pendingAction;
		await db.dossiers.put(record);
	});
}

/** Sets (or, with undefined, clears) the action waiting to be sent for this dossier. */
export async function setPendingAction(db: AccountDb, id: string, pending: PendingAction | undefined): Promise<void> {
	await db.transaction('rw', [db.dossiers], async (db) => {
		const old = readCached(await db.dossiers.get(id));
		if (!old) throw new Error('Hồ sơ chưa có trên máy này; hãy mở hồ sơ khi có mạng rồi thử lại.');
		const record = { ...old };
		if (pending) record.pendingAction = structuredClone(pending);
		else delete record.pendingAction;
		await db.dossiers.put(record);
	});
}

/** When the list was last refreshed from the server (the oldest record's time), or undefined. */
export async function lastRefreshedAt(db: AccountDb): Promise<string | undefined> {
	const all = await listCachedDossiers(db);
	return all.length ? all.map((d) => d.fetchedAt).sort()[0] : undefined;
}
