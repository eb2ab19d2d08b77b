/**
 * The notification outbox draining 1,000 events (issue 11): one dossier whose desk records
 * 1,000 events, its owner with an e-mail address, a phone and a push subscription, so each
 * event fans out into three deliveries (3,000 rows). Measured on SQLite and PostgreSQL: the
 * fan-out (events → outbox rows) and the drain (rows → the development mailbox and an
 * in-process push sender that answers at once), each pass as the server's timer runs it.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { submitDossier } from '$lib/server/dossiers/submit';
import { createMailboxMessenger } from '$lib/server/messaging';
import { drainNotifications } from '$lib/server/notifications/drain';
import { fanOutEvents } from '$lib/server/notifications/fanout';
import { saveSubscription } from '$lib/server/notifications/subscriptions';
import type { PushSender } from '$lib/server/notifications/push';
import { forEachDatabase } from '../tests/integration/helpers/databases';
import { createAccount, limits, manifest, MONDAY_10AM } from '../tests/integration/dossiers/fixtures';

const EVENTS = 1000;
const T0 = new Date('2026-03-02T04:00:00Z');

describe('notification outbox: 1,000 events', () => {
	forEachDatabase((t) => {
		it('fans out and drains', async () => {
			const { db, dialect } = t();
			const account = await createAccount(db, 'Bench');
			await db.updateTable('accounts').set({ email: 'bench@example.vn', phone: '0912345678' }).where('id', '=', account).execute();
			await saveSubscription(db, account, { endpoint: 'https://push.example/bench', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } });
			const { receipt } = await submitDossier({ db, config: { upload: limits }, now: () => MONDAY_10AM }, account, randomUUID(), manifest());
			// Everything up to now (the submission) is already told; the bench measures the 1,000 new events.
			await fanOutEvents({ db, origin: 'https://dvc.example.vn', relay: false, now: () => T0 });
			await db.deleteFrom('notification_outbox').execute();
			const rows = Array.from({ length: EVENTS }, (_, i) => ({
				id: randomUUID(),
				dossier_id: receipt.dossierId,
				status: 4,
				at: new Date(T0.getTime() + i * 1000).toISOString(),
				note: `Ghi chú số ${i}`,
				action: 'extend',
				actor_id: null,
				actor_role: 'officer',
				actor_name: 'Trần Thị Cán Bộ',
				agency_code: receipt.code.split('-')[0],
				from_status: 4,
				request_id: randomUUID(),
				payload: JSON.stringify({ previousDate: '2026-03-09', newDate: '2026-03-12', apology: 'Xin lỗi ông/bà vì hồ sơ chậm trả kết quả.' }),
				appointment_date: '2026-03-12'
			}));
			for (let i = 0; i < rows.length; i += 100) await db.insertInto('dossier_events').values(rows.slice(i, i + 100)).execute();

			let pushed = 0;
			const push: PushSender = { send: async () => (pushed++, 'sent') };
			const now = () => new Date(T0.getTime() + 3_600_000);

			const f0 = performance.now();
			let fanned = 0;
			for (let n; (n = await fanOutEvents({ db, origin: 'https://dvc.example.vn', relay: false, now })); ) fanned += n;
			const fanoutMs = performance.now() - f0;

			const d0 = performance.now();
			let sent = 0;
			for (let r; (r = await drainNotifications({ db, messenger: createMailboxMessenger(db), push, now })).sent + r.retried + r.failed > 0; ) sent += r.sent;
			const drainMs = performance.now() - d0;

			console.log(
				`[bench notifications] ${dialect}: ${fanned} events fanned out in ${Math.round(fanoutMs)} ms; ${sent} deliveries (e-mail, SMS, push) drained in ${Math.round(drainMs)} ms = ${Math.round(sent / (drainMs / 1000))} deliveries/s`
			);
			// What was measured really happened (not a timing assertion).
			expect([fanned, sent, pushed]).toEqual([EVENTS, 3 * EVENTS, EVENTS]);
		});
	});
});
