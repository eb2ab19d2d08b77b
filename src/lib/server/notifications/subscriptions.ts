/** A citizen's browsers that agreed to receive push notifications. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PushSubscriptionInput } from '$lib/domain/wire/push';
import type { Database } from '../db/types';

const idOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

/** Saves (or moves to this account: a shared phone's browser has one endpoint) a subscription. */
export async function saveSubscription(db: Kysely<Database>, accountId: string, sub: PushSubscriptionInput, now = new Date()): Promise<void> {
	const row = { id: idOf(sub.endpoint), account_id: accountId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, created_at: now.toISOString() };
	await db
		.insertInto('push_subscriptions')
		.values(row)
		.onConflict((oc) => oc.column('endpoint').doUpdateSet({ account_id: row.account_id, p256dh: row.p256dh, auth: row.auth, created_at: row.created_at }))
		.execute();
}

/** Only the account's own subscription is removed. */
export async function removeSubscription(db: Kysely<Database>, accountId: string, endpoint: string): Promise<void> {
	await db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).where('account_id', '=', accountId).execute();
}
