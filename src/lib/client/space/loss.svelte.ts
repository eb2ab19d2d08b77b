/**
 * A wipe of the current space by the browser that the person has not acknowledged yet
 * (db/holdings.ts notices it, space/eviction.ts repairs what it can, the layout shows it).
 * State only: the layout reads this on every page, so nothing else belongs here.
 */
import type { Loss } from '../db/holdings';

export interface ShownLoss extends Loss {
	/** Receipts brought back from the server (signed-in accounts). */
	restored?: number;
	/** The answer to asking again for persistent storage. */
	persistence?: string;
}

export const lossState = $state({
	/** Set at start by session.svelte.ts: a wipe found now (`loss`) or an earlier one still to acknowledge. */
	found: null as { accountId: string; loss: Loss | null } | null,
	/** What the notice shows, once space/eviction.ts has asked for persistence and restored what it could. */
	loss: null as ShownLoss | null
});
