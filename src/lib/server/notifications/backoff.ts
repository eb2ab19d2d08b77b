/** Retry timing shared by the notification and integration outboxes. */

export const FIRST_RETRY_MS = 10_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;
/** After this many failures a delivery is given up (about four days of retries). */
export const MAX_ATTEMPTS = 20;
/** How long a claimed row is left alone by other drainers (several app instances). */
export const CLAIM_MS = 60_000;

/** 10 s, 20 s, 40 s … capped at 6 hours, after `attempts` failures (1, 2, …). */
export function retryDelay(attempts: number): number {
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
