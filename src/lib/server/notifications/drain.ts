/**
 * Drains the notification outbox: due rows are claimed (a conditional update, so two app
 * instances never send one row twice at the same time), sent through their channel, and
 * marked sent, or retried later with exponential backoff, or given up after MAX_ATTEMPTS.
 * A push subscription the push service says is gone (404/410) is deleted.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { Messenger } from '../messaging';
import { CLAIM_MS, MAX_ATTEMPTS, retryDelay } from './backoff';
import { readMailFiles } from './result-mail';
import type { PushSender } from './push';

export interface DrainDeps {
	db: Kysely<Database>;
	messenger: Messenger;
	/** Absent: no VAPID keys (production without push); push rows are given up. */
	push?: PushSender;
	/** Where the blob store is: e-mails that carry result files read them from it. */
	dataDir?: string;
	now?: () => Date;
}

export interface DrainResult {
	sent: number;
	retried: number;
	failed: number;
}

type Claimable = 'notification_outbox' | 'integration_outbox';

/** Takes a due row for CLAIM_MS; false when another drainer took it first. */
export async function claim(db: Kysely<Database>, table: Claimable, key: { column: 'id' | 'event_id'; value: string }, due: string, now: Date): Promise<boolean> {
	// Both tables have state and next_attempt_at; only the key column differs.
	const result = await (db as unknown as Kysely<Record<Claimable, Record<string, string>>>)
		.updateTable(table)
		.set({ next_attempt_at: new Date(now.getTime() + CLAIM_MS).toISOString() })
		.where(key.column, '=', key.value)
		.where('state', '=', 'pending')
		.where('next_attempt_at', '=', due)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** After a failed attempt: the next try, or given up. */
export function afterFailure(attempts: number, error: unknown, now: Date) {
	const next = attempts + 1;
	const message = String((error as Error)?.message ?? error).slice(0, 500);
	return next >= MAX_ATTEMPTS
		? { state: 'failed' as const, attempts: next, last_error: message }
		: { attempts: next, last_error: message, next_attempt_at: new Date(now.getTime() + retryDelay(next)).toISOString() };
}

export async function drainNotifications(deps: DrainDeps, batch = 100): Promise<DrainResult> {
	const now = deps.now?.() ?? new Date();
	const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
	const due = await deps.db
		.selectFrom('notification_outbox')
		.selectAll()
		.where('state', '=', 'pending')
		.where('next_attempt_at', '<=', now.toISOString())
		.orderBy('next_attempt_at')
		.limit(batch)
		.execute();
	for (const row of due) {
		if (!(await claim(deps.db, 'notification_outbox', { column: 'id', value: row.id }, row.next_attempt_at, now))) continue;
		try {
			if (row.channel === 'push') {
				const sub = await deps.db.selectFrom('push_subscriptions').selectAll().where('id', '=', row.recipient).executeTakeFirst();
				if (!sub || !deps.push) {
					await deps.db.updateTable('notification_outbox').set({ state: 'failed', last_error: sub ? 'push is not configured' : 'subscription removed' }).where('id', '=', row.id).execute();
					result.failed++;
					continue;
				}
				const outcome = await deps.push.send(sub, { title: row.subject ?? '', body: row.body, url: row.url, dossierId: row.dossier_id, tag: `dossier-${row.dossier_id}` });
				if (outcome === 'gone') {
					await deps.db.deleteFrom('push_subscriptions').where('id', '=', sub.id).execute();
					await deps.db.updateTable('notification_outbox').set({ state: 'failed', last_error: 'subscription gone (404/410): removed' }).where('id', '=', row.id).execute();
					result.failed++;
					continue;
				}
			} else {
				const attachments = deps.dataDir && row.channel === 'email' ? await readMailFiles(deps.dataDir, row.attachments) : [];
				await deps.messenger.send({ channel: row.channel, to: row.recipient, subject: row.subject ?? undefined, body: row.body, ...(attachments.length ? { attachments } : {}) });
			}
			await deps.db.updateTable('notification_outbox').set({ state: 'sent', sent_at: (deps.now?.() ?? new Date()).toISOString(), last_error: null }).where('id', '=', row.id).execute();
			result.sent++;
		} catch (error) {
			const change = afterFailure(Number(row.attempts), error, now);
			await deps.db.updateTable('notification_outbox').set(change).where('id', '=', row.id).execute();
			if (change.state === 'failed') result.failed++;
			else result.retried++;
		}
	}
	return result;
}
