/**
 * Turns new dossier events into deliveries. Any writer of `dossier_events` (the desk's
 * actions, the citizen's, a submission) is covered without being changed: each pass reads
 * the events that have no `event_fanout` mark yet, and for each one, in one transaction,
 * marks it and writes its notifications (web push to every subscription of the owner,
 * e-mail, SMS) and its relay delivery. The mark's primary key makes two instances that scan
 * at once write each event's deliveries once.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, NotificationChannel } from '../db/types';
import { inWriteTransaction } from '../dossiers/transaction';
import { composeNotification, concernsCitizen, emailText, worthSms, type EventFacts } from './compose';
import { integrationBody } from '../integration/body';
import { attachedLine, resultFilesToMail } from './result-mail';

export interface FanoutDeps {
	db: Kysely<Database>;
	/** Public origin for links in messages. */
	origin: string;
	/** Relay to the provincial system configured. */
	relay: boolean;
	now?: () => Date;
}

/** One pass; returns how many events were fanned out. */
export async function fanOutEvents(deps: FanoutDeps, batch = 200): Promise<number> {
	const rows = await deps.db
		.selectFrom('dossier_events as e')
		.leftJoin('event_fanout as f', 'f.event_id', 'e.id')
		.innerJoin('dossiers as d', 'd.id', 'e.dossier_id')
		.innerJoin('accounts as a', 'a.id', 'd.account_id')
		.where('f.event_id', 'is', null)
		.select([
			'e.id', 'e.dossier_id', 'e.status', 'e.at', 'e.note', 'e.action', 'e.actor_role', 'e.from_status', 'e.payload', 'e.appointment_date',
			'd.code', 'd.receipt', 'd.manifest', 'd.procedure_code', 'd.agency_code', 'd.account_id', 'd.appointment_date as dossier_appointment',
			'a.email', 'a.phone'
		])
		.orderBy('e.at')
		.orderBy('e.id')
		.limit(batch)
		.execute();
	let done = 0;
	for (const row of rows) {
		const at = (deps.now?.() ?? new Date()).toISOString();
		const facts: EventFacts = {
			eventId: row.id,
			dossierId: row.dossier_id,
			code: row.code,
			procedureName: (JSON.parse(row.receipt) as { procedureName?: string }).procedureName ?? row.procedure_code,
			action: row.action,
			actorRole: row.actor_role,
			status: Number(row.status),
			note: row.note,
			payload: row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : null,
			appointmentDate: row.appointment_date ?? row.dossier_appointment
		};
		const wrote = await inWriteTransaction(deps.db, async (trx) => {
			const mark = await trx.insertInto('event_fanout').values({ event_id: row.id, created_at: at }).onConflict((oc) => oc.column('event_id').doNothing()).executeTakeFirst();
			if (Number(mark.numInsertedOrUpdatedRows ?? 0) === 0) return false;
			if (concernsCitizen(facts)) {
				const c = composeNotification(facts, deps.origin);
				const subs = await trx.selectFrom('push_subscriptions').select('id').where('account_id', '=', row.account_id).execute();
				const out: { channel: NotificationChannel; recipient: string; subject: string | null; body: string; attachments?: string | null }[] = subs.map((s) => ({
					channel: 'push',
					recipient: s.id,
					subject: c.title,
					body: c.body
				}));
				if (row.email) {
					const delivery = (JSON.parse(row.manifest) as { delivery?: { method?: string } }).delivery?.method;
					const files = await resultFilesToMail(trx, { action: facts.action, dossierId: row.dossier_id, delivery });
					out.push({ channel: 'email', recipient: row.email, subject: c.title, body: emailText(c, deps.origin) + attachedLine(files), attachments: files.length ? JSON.stringify(files) : null });
				}
				if (row.phone && worthSms(facts)) out.push({ channel: 'sms', recipient: row.phone, subject: null, body: c.sms });
				if (out.length)
					await trx
						.insertInto('notification_outbox')
						.values(out.map((o) => ({ attachments: null, id: randomUUID(), event_id: row.id, dossier_id: row.dossier_id, account_id: row.account_id, url: c.url, state: 'pending' as const, next_attempt_at: at, last_error: null, created_at: at, sent_at: null, ...o })))
						.execute();
			}
			if (deps.relay)
				await trx
					.insertInto('integration_outbox')
					.values({ event_id: row.id, dossier_id: row.dossier_id, body: JSON.stringify(integrationBody(row)), state: 'pending', next_attempt_at: at, last_error: null, created_at: at, sent_at: null })
					.execute();
			return true;
		});
		if (wrote) done++;
	}
	return done;
}
