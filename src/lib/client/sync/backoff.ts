/**
 * Retry delay after a network failure: 2 s · 2^n, capped at 5 minutes, with "full jitter"
 * (a random point in the upper half) so phones that lose and regain a cell tower together
 * do not all come back in the same second.
 */
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const n = Math.max(0, Math.floor(attempt));
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(n, 20));
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
