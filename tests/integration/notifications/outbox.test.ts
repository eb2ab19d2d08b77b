/**
 * The notification outbox and the relay on SQLite and PostgreSQL: events become deliveries
 * once (also with two drainers at once), the mailbox shows the e-mail and SMS, a failing
 * gateway is retried later with backoff and nothing is lost across a "restart" (new deps on
 * the same database), a gone push subscription is removed, and the relay POSTs each event
 * signed with HMAC-SHA256, retrying until the receiver answers 2xx.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { submitDossier } from '$lib/server/dossiers/submit';
import { createMailboxMessenger, listMailbox, type Messenger } from '$lib/server/messaging';
import { drainNotifications } from '$lib/server/notifications/drain';
import { fanOutEvents } from '$lib/server/notifications/fanout';
import { saveSubscription } from '$lib/server/notifications/subscriptions';
import type { PushSender } from '$lib/server/notifications/push';
import { drainIntegration, signBody } from '$lib/server/integration/relay';
import { dossiersSince } from '$lib/server/integration/read';
import type { Database } from '$lib/server/db/types';
import type { Kysely } from 'kysely';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits, manifest, MONDAY_10AM } from '../dossiers/fixtures';

const ORIGIN = 'https://dvc.example.vn';
const T0 = new Date('2026-03-02T04:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

async function dossierWithEvent(db: Kysely<Database>, event: { action: string; status: number; note?: string; payload?: unknown; actorRole?: string } = { action: 'request-supplement', status: 5, note: 'Ảnh <b>mờ</b>', payload: { missing: ['Hợp đồng thuê nhà'] } }) {
	const account = await createAccount(db, 'An');
	await db.updateTable('accounts').set({ email: 'an@example.vn', phone: '0912345678' }).where('id', '=', account).execute();
	const { receipt } = await submitDossier({ db, config: { upload: limits }, now: () => MONDAY_10AM }, account, randomUUID(), manifest());
	const eventId = randomUUID();
	await db
		.insertInto('dossier_events')
		.values({
			id: eventId,
			dossier_id: receipt.dossierId,
			status: event.status,
			at: '2026-03-02T03:30:00.000Z',
			note: event.note ?? null,
			action: event.action,
			actor_id: null,
			actor_role: event.actorRole ?? 'officer',
			actor_name: 'Trần Thị Cán Bộ',
			agency_code: receipt.code.split('-')[0],
			from_status: 1,
			request_id: randomUUID(),
			payload: event.payload ? JSON.stringify(event.payload) : null,
			appointment_date: receipt.appointmentDate
		})
		.execute();
	return { account, receipt, eventId };
}

let servers: Server[] = [];
afterEach(async () => {
	for (const s of servers) await new Promise((r) => s.close(r));
	servers = [];
});

describe('notification outbox', () => {
	forEachDatabase((t) => {
		it('turns an officer event into e-mail and SMS once (the submission itself into nothing), even with two drainers at once', async () => {
			const { db } = t();
			const { receipt, eventId } = await dossierWithEvent(db);
			const other = t().openAnother().db;
			// Two instances at once on PostgreSQL; one after the other on SQLite (one process
			// holding two synchronous handles would wait on itself; SQLite is one instance).
			const both = <T>(x: () => Promise<T>, y: () => Promise<T>) => (t().dialect === 'postgres' ? Promise.all([x(), y()]) : x().then(async (r) => [r, await y()]));
			const [a, b] = await both(() => fanOutEvents({ db, origin: ORIGIN, relay: false, now: () => T0 }), () => fanOutEvents({ db: other, origin: ORIGIN, relay: false, now: () => T0 }));
			expect(a + b).toBe(2); // the submission and the supplement request, each once
			expect(await fanOutEvents({ db, origin: ORIGIN, relay: false })).toBe(0);
			const rows = await db.selectFrom('notification_outbox').selectAll().orderBy('channel').execute();
			expect(rows.map((r) => [r.channel, r.recipient, r.event_id])).toEqual([
				['email', 'an@example.vn', eventId],
				['sms', '0912345678', eventId]
			]);
			expect(rows[0]).toMatchObject({ subject: `Hồ sơ ${receipt.code}: Yêu cầu bổ sung giấy tờ`, url: `/dossiers/${receipt.dossierId}`, state: 'pending' });
			expect(rows[0].body).toContain('Cần bổ sung: Hợp đồng thuê nhà.');
			expect(rows[0].body).toContain('Ghi chú của cán bộ: Ảnh <b>mờ</b>');
			expect(rows[1].body).toBe(`DVC: Ho so ${receipt.code}: Yeu cau bo sung giay to. Xem: ${ORIGIN}/lookup?code=${receipt.code}`);

			const drained = await both(
				() => drainNotifications({ db, messenger: createMailboxMessenger(db), now: () => T0 }),
				() => drainNotifications({ db: other, messenger: createMailboxMessenger(other), now: () => T0 })
			);
			expect(drained.reduce((n, d) => n + d.sent, 0)).toBe(2);
			const mailbox = await listMailbox(db);
			expect(mailbox.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
			expect(mailbox.find((m) => m.channel === 'email')?.body).toContain(`${ORIGIN}/dossiers/${receipt.dossierId}`);
		});

		it('keeps a delivery through a failing gateway and a restart, retrying with growing delays', async () => {
			const { db } = t();
			await dossierWithEvent(db);
			await fanOutEvents({ db, origin: ORIGIN, relay: false, now: () => T0 });
			const broken: Messenger = { send: async () => Promise.reject(new Error('SMTP 421 try later')) };
			expect(await drainNotifications({ db, messenger: broken, now: () => T0 })).toEqual({ sent: 0, retried: 2, failed: 0 });
			const first = await db.selectFrom('notification_outbox').selectAll().execute();
			expect(first.every((r) => r.state === 'pending' && Number(r.attempts) === 1 && r.next_attempt_at === later(10_000).toISOString() && r.last_error === 'SMTP 421 try later')).toBe(true);
			// Not due yet: nothing is tried.
			expect(await drainNotifications({ db, messenger: broken, now: () => later(5_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
			await drainNotifications({ db, messenger: broken, now: () => later(10_000) });
			const second = await db.selectFrom('notification_outbox').select(['attempts', 'next_attempt_at']).execute();
			expect(second.every((r) => Number(r.attempts) === 2 && r.next_attempt_at === later(10_000 + 20_000).toISOString())).toBe(true);
			// "Restart": new deps, the gateway is back.
			const after = await drainNotifications({ db, messenger: createMailboxMessenger(db), now: () => later(60_000) });
			expect(after.sent).toBe(2);
			expect(await listMailbox(db)).toHaveLength(2);
		});

		it('pushes to every subscription of the owner and removes one the push service answers 404/410 for', async () => {
			const { db } = t();
			const account = await createAccount(db, 'Push');
			for (const n of [1, 2]) await saveSubscription(db, account, { endpoint: `https://push.example/sub-${n}`, keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } });
			const { receipt } = await submitDossier({ db, config: { upload: limits }, now: () => MONDAY_10AM }, account, randomUUID(), manifest());
			await db.insertInto('dossier_events').values({ id: randomUUID(), dossier_id: receipt.dossierId, status: 2, at: '2026-03-02T03:30:00.000Z', note: null, action: 'accept', actor_id: null, actor_role: 'officer', actor_name: null, agency_code: null, from_status: 1, request_id: randomUUID(), payload: null, appointment_date: '2026-03-05' }).execute();
			await fanOutEvents({ db, origin: ORIGIN, relay: false, now: () => T0 });
			const pushed: string[] = [];
			const push: PushSender = {
				send: async (target, message) => {
					pushed.push(`${target.endpoint} ${message.title} ${message.url}`);
					return target.endpoint.endsWith('sub-2') ? 'gone' : 'sent';
				}
			};
			const result = await drainNotifications({ db, messenger: createMailboxMessenger(db), push, now: () => T0 });
			expect(result).toEqual({ sent: 1, retried: 0, failed: 1 });
			expect(pushed.sort()).toEqual([
				`https://push.example/sub-1 Hồ sơ ${receipt.code}: Được tiếp nhận /dossiers/${receipt.dossierId}`,
				`https://push.example/sub-2 Hồ sơ ${receipt.code}: Được tiếp nhận /dossiers/${receipt.dossierId}`
			]);
			expect((await db.selectFrom('push_subscriptions').select('endpoint').execute()).map((s) => s.endpoint)).toEqual(['https://push.example/sub-1']);
		});
	});
});

describe('relay to the provincial system', () => {
	forEachDatabase((t) => {
		async function receiver(answers: number[]) {
			const got: { body: string; signature: string; eventId: string }[] = [];
			const server = createServer((req, res) => {
				let body = '';
				req.on('data', (c) => (body += c));
				req.on('end', () => {
					got.push({ body, signature: String(req.headers['x-signature']), eventId: String(req.headers['x-event-id']) });
					res.statusCode = answers.shift() ?? 200;
					res.end();
				});
			});
			servers.push(server);
			await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
			return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, got };
		}

		it('POSTs every event signed with HMAC-SHA256 of the body, retries a 500 later with the same body and id', async () => {
			const { db } = t();
			const { eventId, receipt } = await dossierWithEvent(db);
			await fanOutEvents({ db, origin: ORIGIN, relay: true, now: () => T0 });
			const { url, got } = await receiver([500]);
			const target = { url, secret: 'bi-mat-chung' };
			const first = await drainIntegration({ db, target, now: () => T0 });
			expect(first.sent + first.retried).toBe(2);
			expect(first.retried).toBeGreaterThanOrEqual(1);
			await drainIntegration({ db, target, now: () => later(10_000) });
			const forEvent = got.filter((g) => g.eventId === eventId);
			expect(forEvent.length).toBeGreaterThanOrEqual(1);
			for (const g of got) expect(g.signature).toBe(`sha256=${createHmac('sha256', 'bi-mat-chung').update(g.body).digest('hex')}`);
			expect(new Set(got.map((g) => g.eventId)).size).toBe(2);
			const repeated = got.filter((g) => g.eventId === got[0].eventId);
			expect(repeated.length === 1 || repeated[0].body === repeated[1].body).toBe(true);
			expect(JSON.parse(forEvent.at(-1)!.body)).toMatchObject({ eventId, dossierCode: receipt.code, action: 'request-supplement', status: { code: 5 } });
			const rows = await db.selectFrom('integration_outbox').select(['state']).execute();
			expect(rows.every((r) => r.state === 'sent')).toBe(true);
			expect(signBody('{}', 'x')).toMatch(/^sha256=[0-9a-f]{64}$/);
		});

		it('lists dossiers changed since a time with their events for the read API', async () => {
			const { db } = t();
			const { receipt } = await dossierWithEvent(db);
			const answer = await dossiersSince(db, '2026-01-01T00:00:00.000Z');
			expect(answer.dossiers).toHaveLength(1);
			expect(answer.dossiers[0]).toMatchObject({ code: receipt.code, events: [{ action: 'submit' }, { action: 'request-supplement' }] });
			expect((await dossiersSince(db, '2027-01-01T00:00:00.000Z')).dossiers).toEqual([]);
		});
	});
});
