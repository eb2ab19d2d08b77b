/**
 * The outbox's state table: every transition of an entry, who makes it and why. The engine
 * and the repository move entries only through `nextState`, so a state change that is not
 * in this table is a bug that throws instead of a record in an impossible state.
 *
 *   queued ──upload──▶ uploading ──submit──▶ submitting ──receive──▶ received
 *     ▲  ▲                │  │                  │  │
 *     │  └──── back-off ──┘  └──── refuse ──────┴──┼──▶ needs-attention ──replace──▶ (new entry)
 *     │                                            │
 *     └──────── resume ◀── paused ◀── pause (401) ─┘
 *
 *   queued | uploading | paused ──withdraw (person edits before the PUT)──▶ withdrawn ──replace──▶ (new entry)
 */
import type { OutboxState } from '../db/outbox-record';

export type OutboxEvent = 'upload' | 'submit' | 'receive' | 'back-off' | 'pause' | 'resume' | 'refuse' | 'withdraw';

export interface Transition {
	from: readonly OutboxState[];
	to: OutboxState;
	/** Who makes it. */
	by: 'engine' | 'sign-in' | 'person';
	why: string;
}

const WORKING: readonly OutboxState[] = ['queued', 'uploading', 'submitting'];

export const outboxTransitions: Record<OutboxEvent, Transition> = {
	upload: { from: ['queued'], to: 'uploading', by: 'engine', why: 'some files are not on the server yet' },
	submit: { from: ['queued', 'uploading'], to: 'submitting', by: 'engine', why: 'every file is on the server: PUT the manifest' },
	receive: { from: ['submitting'], to: 'received', by: 'engine', why: 'the server answered the receipt (201, or 200 for a replay)' },
	'back-off': { from: WORKING, to: 'queued', by: 'engine', why: 'no network, a timeout or a server fault: try again after a delay' },
	pause: { from: WORKING, to: 'paused', by: 'engine', why: 'the server no longer knows the session (401): wait for a sign-in' },
	resume: { from: ['paused'], to: 'queued', by: 'sign-in', why: 'the person signed in again (or the app started with a session)' },
	refuse: { from: WORKING, to: 'needs-attention', by: 'engine', why: 'the server refused the content: the person must fix the draft' },
	withdraw: {
		from: ['queued', 'uploading', 'paused'],
		to: 'withdrawn',
		by: 'person',
		why: 'the person edits the draft before its PUT started: the next send replaces this version and reuses its uploads'
	}
};

export class OutboxTransitionError extends Error {
	constructor(readonly from: OutboxState, readonly event: OutboxEvent) {
		super(`Outbox entry cannot "${event}" from "${from}"`);
		this.name = 'OutboxTransitionError';
	}
}

/** The state an entry in `from` moves to on `event`, or a thrown `OutboxTransitionError`. */
export function nextState(from: OutboxState, event: OutboxEvent): OutboxState {
	const t = outboxTransitions[event];
	if (!t.from.includes(from)) throw new OutboxTransitionError(from, event);
	return t.to;
}

/** States the engine works on; `paused` only after a `resume`. */
export const ACTIVE_STATES: readonly OutboxState[] = WORKING;
