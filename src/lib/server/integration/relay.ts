/**
 * The relay to a provincial one-stop system: every dossier event is POSTed once to
 * INTEGRATION_URL as JSON, with `X-Signature: sha256=<hex HMAC-SHA256 of the exact body>`
 * (shared INTEGRATION_SECRET) and `X-Event-Id`. Any 2xx is delivered; anything else (or no
 * answer in 15 s) is retried with exponential backoff. The same event is always the same
 * body and id, so the receiver can ignore a repeat (a lost 2xx makes one).
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { afterFailure, claim, type DrainResult } from '../notifications/drain';

export interface RelayDeps {
	db: Kysely<Database>;
	target: { url: string; secret: string };
	fetch?: typeof fetch;
	now?: () => Date;
}

export const signBody = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export async function drainIntegration(deps: RelayDeps, batch = 100): Promise<DrainResult> {
	const now = deps.now?.() ?? new Date();
	const send = deps.fetch ?? fetch;
	const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
	const due = await deps.db
		.selectFrom('integration_outbox')
		.selectAll()
		.where('state', '=', 'pending')
		.where('next_attempt_at', '<=', now.toISOString())
		.orderBy('created_at')
		.orderBy('event_id')
		.limit(batch)
		.execute();
	for (const row of due) {
		if (!(await claim(deps.db, 'integration_outbox', { column: 'event_id', value: row.event_id }, row.next_attempt_at, now))) continue;
		try {
			const response = await send(deps.target.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json; charset=utf-8', 'x-signature': signBody(row.body, deps.target.secret), 'x-event-id': row.event_id },
				body: row.body,
				signal: AbortSignal.timeout(15_000)
			});
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			await deps.db.updateTable('integration_outbox').set({ state: 'sent', sent_at: (deps.now?.() ?? new Date()).toISOString(), last_error: null }).where('event_id', '=', row.event_id).execute();
			result.sent++;
		} catch (error) {
			const change = afterFailure(Number(row.attempts), error, now);
			await deps.db.updateTable('integration_outbox').set(change).where('event_id', '=', row.event_id).execute();
			if (change.state === 'failed') result.failed++;
			else result.retried++;
		}
	}
	return result;
}
