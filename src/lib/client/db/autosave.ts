/**
 * Debounced, serialised autosave of one draft's answers.
 *
 * - Each change is written at most `delayMs` (default 250 ms, under the 300 ms the design
 *   promises) after it was made, even while the person keeps typing: the timer starts at the
 *   first unsaved change and is not pushed back by later ones (a bounded delay, not a
 *   resetting debounce), and that write takes the latest value. `flush()` writes now
 *   (pagehide, visibilitychange, "Tiếp tục", navigation).
 * - One write at a time, always of the latest value: changes made during a write are
 *   written right after it, intermediate values are skipped.
 * - If another tab saved first (revision conflict), writing stops and the unsaved answers
 *   are handed to `onConflict`; they stay pending until `rebase()` or `discard()`.
 *   A failed write (quota, closed database) also keeps the value for the next attempt.
 */
import type { AccountDb } from './account-db';
import { saveAnswers, type Answers, type Draft } from './drafts';

export interface AutosaverOptions {
	/** The revision the page loaded; saves are compare-and-set against it. */
	revision: number;
	delayMs?: number;
	onSaved?: (saved: { revision: number; updatedAt: string }) => void;
	onConflict?: (current: Draft, unsaved: Answers) => void;
	/** A background write failed; the value is kept and retried on the next change/flush. */
	onError?: (error: unknown) => void;
}

export interface DraftAutosaver {
	/** Records the latest answers (copied now, so later mutation by the caller is harmless). */
	update(answers: Answers, autofilled?: string[]): void;
	/** Writes whatever is pending and waits for it. Rejects if the write fails. */
	flush(): Promise<void>;
	/** After a conflict: continue on top of `revision` (e.g. the person kept their version). */
	rebase(revision: number): void;
	/** After a conflict: drop the unsaved answers (e.g. the person took the other tab's). */
	discard(revision: number): void;
	readonly revision: number;
	readonly hasPending: boolean;
	readonly conflicted: boolean;
	/** Flushes and stops the timer. */
	dispose(): Promise<void>;
}

interface Pending {
	answers: Answers;
	autofilled?: string[];
}

export function createDraftAutosaver(db: AccountDb, draftId: string, options: AutosaverOptions): DraftAutosaver {
	const delayMs = options.delayMs ?? 250;
	const onError = options.onError ?? ((error: unknown) => console.error(error));
	let revision = options.revision;
	let pending: Pending | undefined;
	let conflicted = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<void> | undefined;

	function clearTimer() {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
	}

	async function writeLoop(): Promise<void> {
		while (pending && !conflicted) {
			const job = pending;
			pending = undefined;
			let result;
			try {
				result = await saveAnswers(db, draftId, job.answers, { expectedRevision: revision, autofilled: job.autofilled });
			} catch (error) {
				pending ??= job; // a newer change supersedes it; otherwise keep it
				throw error;
			}
			if (result.status === 'saved') {
				revision = result.revision;
				options.onSaved?.(result);
			} else {
				conflicted = true;
				pending ??= job;
				options.onConflict?.(result.current, pending.answers);
			}
		}
	}

	function drain(): Promise<void> {
		running ??= writeLoop().finally(() => {
			running = undefined;
		});
		return running;
	}

	function schedule() {
		if (timer !== undefined) return; // already armed by an earlier unsaved change
		timer = setTimeout(() => {
			timer = undefined;
			drain().catch(onError);
		}, delayMs);
	}

	return {
		update(answers, autofilled) {
			pending = { answers: structuredClone(answers), autofilled: autofilled && [...autofilled] };
			if (!conflicted) schedule();
		},
		async flush() {
			clearTimer();
			// A write may be in flight with a newer value queued behind it: wait for both.
			while (running || (pending && !conflicted)) await drain();
		},
		rebase(newRevision) {
			revision = newRevision;
			conflicted = false;
			if (pending) schedule();
		},
		discard(newRevision) {
			revision = newRevision;
			conflicted = false;
			pending = undefined;
			clearTimer();
		},
		get revision() {
			return revision;
		},
		get hasPending() {
			return pending !== undefined || running !== undefined;
		},
		get conflicted() {
			return conflicted;
		},
		async dispose() {
			await this.flush();
			clearTimer();
		}
	};
}

/**
 * Flushes when the page is hidden or being unloaded (the last moment a mobile browser
 * reliably runs code before killing a tab). Returns a function that removes the listeners.
 */
export function flushWhenHidden(saver: DraftAutosaver, onError: (error: unknown) => void = console.error): () => void {
	if (typeof document === 'undefined' || typeof window === 'undefined') return () => {};
	const flush = () => void saver.flush().catch(onError);
	const onVisibility = () => {
		if (document.visibilityState === 'hidden') flush();
	};
	document.addEventListener('visibilitychange', onVisibility);
	window.addEventListener('pagehide', flush);
	return () => {
		document.removeEventListener('visibilitychange', onVisibility);
		window.removeEventListener('pagehide', flush);
	};
}
