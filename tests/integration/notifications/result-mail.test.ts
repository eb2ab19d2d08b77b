/**
 * Results by e-mail on SQLite and PostgreSQL: the e-mail about a result handed over online
 * carries the result files (read from the blob store when it goes; the development mailbox
 * shows what it carried); other events, or a result too large for mail, only link to it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submitDossier } from '$lib/server/dossiers/submit';
import { blobPath } from '$lib/server/blobs/store';
import { createMailboxMessenger, listMailbox, type Messenger, type OutboundMessage } from '$lib/server/messaging';
import { drainNotifications } from '$lib/server/notifications/drain';
import { fanOutEvents } from '$lib/server/notifications/fanout';
import { RESULT_MAIL_MAX_BYTES } from '$lib/server/notifications/result-mail';
import type { Database } from '$lib/server/db/types';
import type { Kysely } from 'kysely';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits, manifest, MONDAY_10AM } from '../dossiers/fixtures';

const ORIGIN = 'https://dvc.example.vn';

async function returnedWithResult(db: Kysely<Database>, dataDir: string, result: { name: string; bytes: Uint8Array; size?: number }, action = 'return') {
	const account = await createAccount(db, 'Mai');
	await db.updateTable('accounts').set({ email: 'mai@example.vn' }).where('id', '=', account).execute();
	const { receipt } = await submitDossier({ db, config: { upload: limits }, now: () => MONDAY_10AM }, account, randomUUID(), manifest());
	const sha256 = createHash('sha256').update(result.bytes).digest('hex');
	await mkdir(dirname(blobPath(dataDir, sha256)), { recursive: true });
	await writeFile(blobPath(dataDir, sha256), result.bytes);
	const eventId = randomUUID();
	const at = '2026-03-04T03:30:00.000Z';
	await db.insertInto('dossier_results').values({ dossier_id: receipt.dossierId, sha256, name: result.name, size: result.size ?? result.bytes.length, type: 'application/pdf', event_id: eventId, created_at: at }).execute();
	await db
		.insertInto('dossier_events')
		.values({ id: eventId, dossier_id: receipt.dossierId, status: action === 'return' ? 10 : 9, at, note: null, action, actor_id: null, actor_role: 'officer', actor_name: 'Cán Bộ', agency_code: receipt.code.split('-')[0], from_status: 9, request_id: randomUUID(), payload: null, appointment_date: receipt.appointmentDate })
		.execute();
	return { receipt, sha256 };
}

describe('results by e-mail', () => {
	forEachDatabase((t) => {
		it('attaches the result handed over online to its e-mail, and the mailbox shows it', async () => {
			const { db } = t();
			const dataDir = await mkdtemp(join(tmpdir(), 'dvc-mail-'));
			const pdf = new TextEncoder().encode('%PDF-1.4\nket qua\n%%EOF\n');
			const { receipt } = await returnedWithResult(db, dataDir, { name: 'trich-luc-khai-sinh.pdf', bytes: pdf });
			while ((await fanOutEvents({ db, origin: ORIGIN, relay: false })) > 0);
			const sent: OutboundMessage[] = [];
			const mailbox = createMailboxMessenger(db);
			const messenger: Messenger = { send: async (m) => (sent.push(m), mailbox.send(m)) };
			await drainNotifications({ db, messenger, dataDir });
			const mail = sent.find((m) => m.channel === 'email' && m.subject?.includes('Đã trả kết quả'))!;
			expect(mail.body).toContain('Kết quả được gửi kèm thư này: trich-luc-khai-sinh.pdf.');
			expect(mail.attachments).toEqual([{ filename: 'trich-luc-khai-sinh.pdf', contentType: 'application/pdf', content: pdf }]);
			const [shown] = (await listMailbox(db, { recipient: 'mai@example.vn' })).filter((m) => m.subject?.includes(receipt.code) && m.attachments);
			expect(JSON.parse(shown.attachments!)).toEqual([{ name: 'trich-luc-khai-sinh.pdf', type: 'application/pdf', size: pdf.length }]);
			// The submission's own e-mail (and any other event's) carries nothing.
			expect(sent.filter((m) => m.attachments)).toHaveLength(1);
		});

		it('only links to a result too large for mail, and attaches nothing to the e-mail of finishing', async () => {
			const { db } = t();
			const dataDir = await mkdtemp(join(tmpdir(), 'dvc-mail-'));
			await returnedWithResult(db, dataDir, { name: 'ban-ve.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n'), size: RESULT_MAIL_MAX_BYTES + 1 });
			await returnedWithResult(db, dataDir, { name: 'ket-qua.pdf', bytes: new TextEncoder().encode('%PDF-1.4\nx\n') }, 'finish');
			while ((await fanOutEvents({ db, origin: ORIGIN, relay: false })) > 0);
			const rows = await db.selectFrom('notification_outbox').select(['attachments', 'body']).where('channel', '=', 'email').execute();
			expect(rows.every((r) => r.attachments === null && !r.body.includes('gửi kèm'))).toBe(true);
		});
	});
});
