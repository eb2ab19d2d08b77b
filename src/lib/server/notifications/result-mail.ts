/**
 * Results by e-mail (issue 15, item 8): when the desk hands over a result online (`return`
 * with the online delivery the citizen chose), the e-mail of that event carries the result
 * files, so a person who reads mail on another device has the paper itself. Files are named
 * when the event is fanned out and read from the blob store when the e-mail goes; past
 * `RESULT_MAIL_MAX_BYTES` in all the e-mail only links to the dossier (mail servers refuse
 * large messages, and the files stay downloadable from the app).
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { blobPath } from '../blobs/store';
import type { Database } from '../db/types';
import type { MessageAttachment } from '../messaging/messenger';

export const RESULT_MAIL_MAX_BYTES = 5 * 1024 * 1024;

export interface MailFile {
	sha256: string;
	name: string;
	type: string;
	size: number;
}

/** The result files an e-mail about this event carries (none for other events or other deliveries). */
export async function resultFilesToMail(db: Kysely<Database>, event: { action: string | null; dossierId: string; delivery: string | undefined }): Promise<MailFile[]> {
	if (event.action !== 'return' || event.delivery !== 'online') return [];
	const files = await db.selectFrom('dossier_results').select(['sha256', 'name', 'type', 'size']).where('dossier_id', '=', event.dossierId).orderBy('created_at').execute();
	const mail = files.map((f) => ({ sha256: f.sha256, name: f.name, type: f.type, size: Number(f.size) }));
	return mail.reduce((sum, f) => sum + f.size, 0) <= RESULT_MAIL_MAX_BYTES ? mail : [];
}

/** The line the e-mail's text adds about what it carries. */
export function attachedLine(files: readonly MailFile[]): string {
	return files.length ? `\n\nKết quả được gửi kèm thư này: ${files.map((f) => f.name).join(', ')}.` : '';
}

/** The files' bytes from the blob store; a file gone from the store is left out (the e-mail still links to the dossier). */
export async function readMailFiles(dataDir: string, stored: string | null): Promise<MessageAttachment[]> {
	if (!stored) return [];
	const files = JSON.parse(stored) as MailFile[];
	const read = await Promise.all(
		files.map(async (f): Promise<MessageAttachment | null> => {
			try {
				return { filename: f.name, contentType: f.type, content: new Uint8Array(await readFile(blobPath(dataDir, f.sha256))) };
			} catch {
				return null;
			}
		})
	);
	return read.filter((a) => a !== null);
}
