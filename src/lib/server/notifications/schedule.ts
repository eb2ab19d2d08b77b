/**
 * The server drains its outboxes by itself: every few seconds, new events are fanned out and
 * due notifications and relay deliveries are sent. Everything is in the database, so a
 * restart picks up where the last process stopped, and several instances can share the work.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/types';
import type { Messenger } from '../messaging';
import { drainIntegration } from '../integration/relay';
import { drainNotifications } from './drain';
import { fanOutEvents } from './fanout';
import { createWebPushSender } from './push';
import { resolveVapidKeys } from './vapid';

export function scheduleOutboxes(deps: { db: Kysely<Database>; config: Config; messenger: Messenger }, everyMs = 3000): () => void {
	const { db, config, messenger } = deps;
	const vapid = resolveVapidKeys(config);
	const push = vapid ? createWebPushSender(vapid) : undefined;
	const origin = config.origin ?? `http://localhost:${config.port}`;
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			while ((await fanOutEvents({ db, origin, relay: Boolean(config.integration) })) > 0);
			await drainNotifications({ db, messenger, push, dataDir: config.dataDir });
			if (config.integration) await drainIntegration({ db, target: config.integration });
		} catch (error) {
			console.error('[outboxes] drain failed; retried on the next tick', error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, everyMs);
	timer.unref?.();
	return () => clearInterval(timer);
}
