/**
 * The outbox sync engine: ONE implementation, run from the page (start-up, `online`,
 * visibility, a backoff timer) and from the service worker (Background Sync). It uses only
 * fetch (through the API client), IndexedDB and Web Locks, so it runs in both.
 *
 * Per entry: ask which blobs the server already holds → upload the rest with tus (resuming
 * from the server's offset) → PUT the manifest under the entry's dossier id → store the
 * receipt. The PUT is idempotent on the server (same id + same content → same receipt), so
 * a retry after a lost answer can never make a second dossier. Every state change follows
 * the table in states.ts.
 */
import type { AccountDb } from '../db/account-db';
import { dueEntries, getEntry, moveEntry, nextDueAt, pausedCount, recordActionAnswer, recordReceipt, resumePaused, updateEntry } from '../db/outbox';
import type { OutboxAction, OutboxEntry } from '../db/outbox-record';
import { dossiersApi } from '../api/dossiers';
import { ApiFailure, NETWORK_MESSAGE, networkFailure } from '../api/request';
import { backoffDelay } from './backoff';
import { createTusUploader, type Uploader } from './uploader';
import { OutboxTransitionError } from './states';
import type { ActionRequestInput } from '$lib/domain/wire/workflow';

export interface EngineDeps {
	fetch: typeof fetch;
	upload: Uploader;
	now: () => number;
	random: () => number;
	/** Absent (old browsers, unit tests): this context is the only runner. */
	locks?: Pick<LockManager, 'request'>;
}

export function defaultEngineDeps(): EngineDeps {
	return {
		fetch: (...args) => globalThis.fetch(...args),
		upload: createTusUploader(),
		now: Date.now,
		random: Math.random,
		locks: typeof navigator !== 'undefined' ? navigator.locks : undefined
	};
}

export interface RunOptions {
	/** Ignore the backoff (the network just came back, the app just started). */
	force?: boolean;
	/** Resume entries paused for want of a session first (after sign-in, at start-up). */
	includePaused?: boolean;
	/** Wait for the lock when another runner holds it (the worker), instead of returning `ran: false`. */
	wait?: boolean;
}

export interface RunResult {
	/** False when another tab or the worker holds the lock and is doing the work. */
	ran: boolean;
	/** When a backed-off entry is due again, if any. */
	nextAttemptAt?: number;
	/** Entries waiting for a sign-in after this run. */
	paused?: number;
}

export const lockName = (accountId: string) => `dvc-outbox-${accountId}`;

/** The Background Sync tag the page registers and the service worker answers. */
export const SYNC_TAG = 'dvc-outbox';

const PAUSED_MESSAGE = 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để gửi; hồ sơ vẫn được giữ trên máy.';

/** Outcome of one step: go on, or stop working on this entry for now. */
type Stop = { stop: true; network: boolean };
const STOP_NETWORK: Stop = { stop: true, network: true };
const STOP: Stop = { stop: true, network: false };

interface Run {
	db: AccountDb;
	deps: EngineDeps;
	api: ReturnType<typeof dossiersApi>;
}

export async function runOutbox(db: AccountDb, deps: EngineDeps, opts: RunOptions = {}): Promise<RunResult> {
	const run: Run = { db, deps, api: dossiersApi(deps.fetch) };
	const work = async (): Promise<RunResult> => {
		if (opts.includePaused) await resumePaused(db);
		// Entries added while we work (another tab pressed send) are picked up by the next pass.
		const done = new Set<string>();
		for (;;) {
			const due = (await dueEntries(db, deps.now(), opts)).filter((e) => !done.has(e.id));
			if (!due.length) break;
			let offline = false;
			for (const entry of due) {
				done.add(entry.id);
				if ((await processEntry(run, entry).catch(notWorkable)) === STOP_NETWORK) {
					offline = true;
					break;
				}
			}
			if (offline) break;
		}
		const paused = await pausedCount(db);
		return { ran: true, nextAttemptAt: await nextDueAt(db), ...(paused ? { paused } : {}) };
	};
	if (!deps.locks) return work();
	// `wait`: the service worker queues behind a page's run instead of giving up, so its sync
	// event stays open (and the browser keeps the tag) until the entry is received.
	const result = opts.wait
		? await deps.locks.request(lockName(db.accountId), work)
		: await deps.locks.request(lockName(db.accountId), { ifAvailable: true }, async (lock) => (lock ? work() : { ran: false }));
	return result as RunResult;
}

/** The entry left the engine's hands meanwhile (taken back to edit in another tab): leave it. */
function notWorkable(error: unknown): Stop {
	if (error instanceof OutboxTransitionError) return STOP;
	throw error;
}

async function processEntry(run: Run, initial: OutboxEntry): Promise<Stop | void> {
	let entry = initial;
	const refresh = async () => (entry = (await getEntry(run.db, entry.id)) ?? entry);

	if (entry.progress.some((p) => !p.done)) {
		if (entry.state === 'queued' && !(await moveEntry(run.db, entry.id, 'upload'))) return STOP;
		const stop = await uploadMissing(run, await refresh());
		if (stop) return stop;
	}
	// The person may have taken this version back to edit it while its files went up: the
	// state table then refuses 'submit' (withdrawn), and this version is never sent.
	if ((await refresh()).state !== 'submitting' && !(await moveEntry(run.db, entry.id, 'submit'))) return STOP;
	return submit(run, await refresh());
}

async function uploadMissing(run: Run, entry: OutboxEntry): Promise<Stop | void> {
	const { db, deps, api } = run;
	const progress = structuredClone(entry.progress);
	const save = () => updateEntry(db, entry.id, { progress });

	let present: Set<string>;
	try {
		present = new Set(await api.checkBlobs(progress.filter((p) => !p.done).map((p) => p.sha256)));
	} catch (error) {
		return failWith(run, entry, error);
	}
	for (const p of progress) if (present.has(p.sha256)) Object.assign(p, { done: true, bytesSent: p.total, uploadUrl: undefined });
	await save();

	for (const p of progress.filter((x) => !x.done)) {
		const blob = await db.blobs.get(p.sha256);
		const meta = entry.manifest.attachments.find((a) => a.sha256 === p.sha256)!;
		if (!blob) return refuse(run, entry, `Tệp "${meta.name}" không còn trên máy này; hãy mở hồ sơ, đính kèm lại tệp rồi gửi lại.`);
		try {
			await deps.upload({
				data: blob.data,
				sha256: p.sha256,
				name: meta.name,
				type: meta.type,
				uploadUrl: p.uploadUrl,
				onUploadUrl: (url) => ((p.uploadUrl = url), save()),
				onProgress: (accepted) => ((p.bytesSent = Math.min(accepted, p.total)), save())
			});
		} catch (error) {
			const failure = error instanceof ApiFailure ? error : networkFailure();
			// Gone (404/410), out of step (409) or busy elsewhere (423): ask again later; the
			// server forgot a gone upload, so that one starts afresh, as does refused content.
			const again = [404, 409, 410, 423].includes(failure.status);
			if (failure.status === 404 || failure.status === 410 || (!failure.retryable && !again)) Object.assign(p, { uploadUrl: undefined, bytesSent: 0 });
			await save();
			if (again) return backOff(run, entry, `Máy chủ chưa nhận được tệp "${meta.name}" (mã ${failure.status}); ứng dụng sẽ thử lại.`);
			return failWith(run, entry, failure);
		}
		Object.assign(p, { done: true, bytesSent: p.total, uploadUrl: undefined });
		await save();
	}
}

async function submit(run: Run, entry: OutboxEntry): Promise<Stop | void> {
	try {
		if (entry.action) {
			// A supplement or withdrawal of a sent dossier: the action, under the entry's request id.
			const answer = await run.api.act(entry.action.dossierId, actionRequestOf(entry as OutboxEntry & { action: OutboxAction }));
			await recordActionAnswer(run.db, entry, answer.status);
		} else {
			const { data: receipt } = await run.api.submitDossier(entry.id, entry.manifest);
			await recordReceipt(run.db, entry, receipt);
		}
	} catch (error) {
		// A blob the check reported present has gone: upload everything again on the next pass.
		if (error instanceof ApiFailure && error.code === 'missing_blobs') {
			await updateEntry(run.db, entry.id, { progress: entry.progress.map((p) => ({ ...p, done: false, bytesSent: 0, uploadUrl: undefined })) });
			return backOff(run, entry, error.message);
		}
		return failWith(run, entry, error);
	}
}

/** The request sent for an action entry (sync/actions.ts): the same for every resend, so applied once. */
export function actionRequestOf(entry: OutboxEntry & { action: OutboxAction }): ActionRequestInput {
	const { name, expectedStatus, note } = entry.action;
	const common = { requestId: entry.id, expectedStatus, ...(note ? { note } : {}) };
	return name === 'supplement' ? { ...common, action: 'supplement', manifest: entry.manifest } : { ...common, action: 'withdraw' };
}

/** Anything that is not a success: no network, a lost session, a server fault, or refused content. */
function failWith(run: Run, entry: OutboxEntry, error: unknown): Promise<Stop> {
	const failure = error instanceof ApiFailure ? error : networkFailure();
	if (failure.kind === 'network') return backOff(run, entry, NETWORK_MESSAGE);
	if (failure.signedOut) return pause(run, entry);
	if (failure.retryable) return backOff(run, entry, failure.kind === 'http' && failure.status >= 500 && failure.code === 'server_error' ? `Máy chủ đang bận hoặc gặp lỗi (mã ${failure.status}); ứng dụng sẽ tự thử lại.` : failure.message);
	return refuse(run, entry, failure.message, failure.fields, failure);
}

/** Network or server trouble: back to the queue, due again after an exponential, jittered delay. */
async function backOff(run: Run, entry: OutboxEntry, message: string): Promise<Stop> {
	const current = (await getEntry(run.db, entry.id)) ?? entry;
	await moveEntry(run.db, entry.id, 'back-off', {
		attempts: current.attempts + 1,
		nextAttemptAt: run.deps.now() + backoffDelay(current.attempts, run.deps.random),
		lastError: message
	});
	return STOP_NETWORK;
}

async function pause(run: Run, entry: OutboxEntry): Promise<Stop> {
	await moveEntry(run.db, entry.id, 'pause', { lastError: PAUSED_MESSAGE });
	return STOP;
}

async function refuse(run: Run, entry: OutboxEntry, message: string, fields?: Record<string, string>, failure?: ApiFailure): Promise<Stop> {
	// An action the desk overtook (`status_changed`: the dossier was decided first) keeps the code
	// and the status the server named, so the page can say so in the person's language.
	const status = failure?.details?.status as OutboxAction['status'] | undefined;
	const action =
		entry.action && failure
			? { action: { ...entry.action, refusedCode: failure.code, ...(typeof status?.code === 'number' && typeof status.name === 'string' ? { status } : {}) } }
			: {};
	await moveEntry(run.db, entry.id, 'refuse', { lastError: message, fieldErrors: fields, ...action });
	return STOP;
}

