/**
 * The outbox sync engine: ONE implementation, run from the page (start-up, `online`,
 * visibility, a backoff timer) and from the service worker (Background Sync). It uses only
 * fetch, IndexedDB and Web Locks, so it runs in both.
 *
 * Per entry: ask which blobs the server already holds → upload the rest with tus (resuming
 * from the server's offset) → PUT the manifest under the entry's dossier id → store the
 * receipt. The PUT is idempotent on the server (same id + same content → same receipt), so
 * a retry after a lost answer can never make a second dossier.
 */
import { dossierReceiptSchema } from '$lib/domain/dossier';
import type { AccountDb } from '../db/account-db';
import { backoffDelay } from './backoff';
import { dueEntries, getEntry, nextDueAt, recordReceipt, updateEntry } from './repository';
import type { AttachmentProgress, OutboxEntry } from './types';
import { createTusUploader, UploadFailure, type Uploader } from './uploader';

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
	/** Also retry entries paused for want of a session (after sign-in, at start-up). */
	includePaused?: boolean;
}

export interface RunResult {
	/** False when another tab or the worker holds the lock and is doing the work. */
	ran: boolean;
	/** When a backed-off entry is due again, if any. */
	nextAttemptAt?: number;
}

export const lockName = (accountId: string) => `dvc-outbox-${accountId}`;

const OFFLINE_MESSAGE = 'Chưa có mạng hoặc mạng bị ngắt. Ứng dụng sẽ tự gửi tiếp khi có mạng.';
const PAUSED_MESSAGE = 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để gửi; hồ sơ vẫn được giữ trên máy.';

/** Outcome of one step: go on, or stop working on this entry for now. */
type Stop = { stop: true; network: boolean };
const STOP_NETWORK: Stop = { stop: true, network: true };
const STOP: Stop = { stop: true, network: false };

export async function runOutbox(db: AccountDb, deps: EngineDeps, opts: RunOptions = {}): Promise<RunResult> {
	const work = async (): Promise<RunResult> => {
		// Entries added while we work (another tab pressed send) are picked up by the next pass.
		const done = new Set<string>();
		for (;;) {
			const due = (await dueEntries(db, deps.now(), opts)).filter((e) => !done.has(e.id));
			if (!due.length) break;
			let offline = false;
			for (const entry of due) {
				done.add(entry.id);
				const outcome = await processEntry(db, deps, entry);
				if (outcome === STOP_NETWORK) {
					offline = true;
					break;
				}
			}
			if (offline) break;
		}
		return { ran: true, nextAttemptAt: await nextDueAt(db) };
	};
	if (!deps.locks) return work();
	const result = await deps.locks.request(lockName(db.accountId), { ifAvailable: true }, async (lock) =>
		lock ? work() : { ran: false }
	);
	return result as RunResult;
}

async function processEntry(db: AccountDb, deps: EngineDeps, initial: OutboxEntry): Promise<Stop | void> {
	let entry = initial;
	const refresh = async () => (entry = (await getEntry(db, entry.id)) ?? entry);

	if (entry.progress.some((p) => !p.done)) {
		await updateEntry(db, entry.id, { state: 'uploading' });
		const stop = await uploadMissing(db, deps, await refresh());
		if (stop) return stop;
	}
	await updateEntry(db, entry.id, { state: 'submitting' });
	return submit(db, deps, await refresh());
}

async function uploadMissing(db: AccountDb, deps: EngineDeps, entry: OutboxEntry): Promise<Stop | void> {
	const progress = structuredClone(entry.progress);
	const save = () => updateEntry(db, entry.id, { progress });

	const pendingHashes = progress.filter((p) => !p.done).map((p) => p.sha256);
	const check = await request(deps, '/api/blobs/check', 'POST', { hashes: pendingHashes });
	if ('stop' in check) return backOff(db, deps, entry, OFFLINE_MESSAGE);
	if (!check.ok) return failWith(db, deps, entry, check);
	const present = new Set(((await check.json()) as { present?: string[] }).present ?? []);
	for (const p of progress) if (present.has(p.sha256)) Object.assign(p, { done: true, bytesSent: p.total, uploadUrl: undefined });
	await save();

	for (const p of progress.filter((x) => !x.done)) {
		const blob = await db.blobs.get(p.sha256);
		const meta = entry.manifest.attachments.find((a) => a.sha256 === p.sha256)!;
		if (!blob) return needsAttention(db, entry, `Tệp "${meta.name}" không còn trên máy này; hãy mở hồ sơ, đính kèm lại tệp rồi gửi lại.`);
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
			return uploadFailed(db, deps, entry, p, progress, error);
		}
		Object.assign(p, { done: true, bytesSent: p.total, uploadUrl: undefined });
		await save();
	}
}

async function uploadFailed(
	db: AccountDb,
	deps: EngineDeps,
	entry: OutboxEntry,
	p: AttachmentProgress,
	progress: AttachmentProgress[],
	error: unknown
): Promise<Stop> {
	const failure = error instanceof UploadFailure ? error : new UploadFailure('network', OFFLINE_MESSAGE);
	// The server forgot this upload (or refused its content): the next attempt starts afresh.
	if (failure.status === 404 || failure.status === 410 || failure.kind === 'refused') Object.assign(p, { uploadUrl: undefined, bytesSent: 0 });
	await updateEntry(db, entry.id, { progress });
	if (failure.kind === 'unauthenticated') return pause(db, entry);
	if (failure.kind === 'refused') return needsAttention(db, entry, failure.message);
	return backOff(db, deps, entry, failure.status ? failure.message : OFFLINE_MESSAGE);
}

async function submit(db: AccountDb, deps: EngineDeps, entry: OutboxEntry): Promise<Stop | void> {
	const res = await request(deps, `/api/dossiers/${entry.id}`, 'PUT', entry.manifest);
	if ('stop' in res) return backOff(db, deps, entry, OFFLINE_MESSAGE);
	if (res.status === 200 || res.status === 201) {
		const receipt = dossierReceiptSchema.safeParse(await res.json().catch(() => null));
		if (!receipt.success) return backOff(db, deps, entry, 'Máy chủ trả lời không đúng mẫu giấy tiếp nhận; ứng dụng sẽ hỏi lại.');
		await recordReceipt(db, entry, receipt.data);
		return;
	}
	const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;
	// A blob the check reported present has gone: upload everything again on the next pass.
	if (body?.error?.code === 'missing_blobs') {
		await updateEntry(db, entry.id, { progress: entry.progress.map((p) => ({ ...p, done: false, bytesSent: 0, uploadUrl: undefined })) });
		return backOff(db, deps, entry, body.error.message ?? 'Máy chủ chưa có đủ tệp đính kèm; ứng dụng sẽ tải lại.');
	}
	return failWith(db, deps, entry, res, body);
}

/** A response that is not a success: refused content, a lost session, or a server fault. */
async function failWith(
	db: AccountDb,
	deps: EngineDeps,
	entry: OutboxEntry,
	res: Response,
	body?: { error?: { message?: string; fields?: Record<string, string> } } | null
): Promise<Stop> {
	if (res.status === 401) return pause(db, entry);
	if (res.status >= 500 || res.status === 429 || res.status === 408)
		return backOff(db, deps, entry, `Máy chủ đang bận hoặc gặp lỗi (mã ${res.status}); ứng dụng sẽ tự thử lại.`);
	body ??= (await res.json().catch(() => null)) as typeof body;
	const message = body?.error?.message ?? `Máy chủ không nhận hồ sơ (mã ${res.status}).`;
	return needsAttention(db, entry, message, body?.error?.fields);
}

type Sent = Response | Stop;

async function request(deps: EngineDeps, url: string, method: string, body: unknown): Promise<Sent> {
	try {
		return await deps.fetch(url, {
			method,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			credentials: 'same-origin',
			cache: 'no-store'
		});
	} catch {
		return STOP_NETWORK;
	}
}

/** Network trouble: back to the queue, due again after an exponential, jittered delay. */
async function backOff(db: AccountDb, deps: EngineDeps, entry: OutboxEntry, message: string): Promise<Stop> {
	const current = (await getEntry(db, entry.id)) ?? entry;
	await updateEntry(db, entry.id, {
		state: 'queued',
		attempts: current.attempts + 1,
		nextAttemptAt: deps.now() + backoffDelay(current.attempts, deps.random),
		lastError: message
	});
	return STOP_NETWORK;
}

async function pause(db: AccountDb, entry: OutboxEntry): Promise<Stop> {
	await updateEntry(db, entry.id, { state: 'paused', lastError: PAUSED_MESSAGE });
	return STOP;
}

async function needsAttention(db: AccountDb, entry: OutboxEntry, message: string, fields?: Record<string, string>): Promise<Stop> {
	await updateEntry(db, entry.id, { state: 'needs-attention', lastError: message, fieldErrors: fields });
	return STOP;
}
