/**
 * Many dossiers at once, written straight into the tables (the submission path is tested on
 * its own and limits new dossiers per account and day): for the inbox tests and the inbox
 * benchmark. Each row is what a submission leaves: code, status, applicant, search text,
 * appointment date, a valid manifest.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatDossierCode } from '$lib/domain/dossier';
import type { Database } from '$lib/server/db/types';
import { dossierSearchText } from '$lib/server/dossiers/search-text';
import { manifest } from '../dossiers/fixtures';

export interface ManyOptions {
	agencyCode: string;
	ownerId: string;
	/** The owning account of dossier i (default: `ownerId` for all). */
	owner?: (i: number) => string;
	/** A receipt as a submission writes it (what the lookup and the citizen's list read), else `{}`. */
	receipt?: { procedureName: string; agencyName: string };
	count: number;
	/** Day of receipt of the first dossier (YYYY-MM-DD); later ones a minute apart. */
	receivedFrom?: string;
	status?: (i: number) => number;
	appointmentDate?: (i: number) => string;
	applicant?: (i: number) => { name: string; idNumber: string };
	/** Sequence numbers start after this (codes stay unique per agency and day). */
	sequenceFrom?: number;
}

const BATCH = 500;

export async function insertDossiers(db: Kysely<Database>, o: ManyOptions): Promise<{ id: string; code: string }[]> {
	const start = new Date(`${o.receivedFrom ?? '2026-03-02'}T02:00:00Z`).getTime();
	const body = JSON.stringify(manifest({ agencyCode: o.agencyCode }));
	const made: { id: string; code: string }[] = [];
	for (let from = 0; from < o.count; from += BATCH) {
		const rows = [];
		for (let i = from; i < Math.min(o.count, from + BATCH); i++) {
			const received = new Date(start + i * 60_000);
			const seq = (o.sequenceFrom ?? 0) + i + 1;
			// One code per day and number: 9,999 a day at most, so the days move on past that.
			const day = new Date(received.getTime() + Math.floor(seq / 9999) * 86_400_000).toISOString().slice(0, 10);
			const code = formatDossierCode(o.agencyCode, day, (seq % 9999) + 1);
			const who = o.applicant?.(i) ?? { name: `Nguyễn Văn Số ${i}`, idNumber: `001090${String(i).padStart(6, '0')}` };
			const id = randomUUID();
			const appointmentDate = o.appointmentDate?.(i) ?? '2026-03-05';
			made.push({ id, code });
			const receipt = o.receipt
				? { dossierId: id, code, procedureCode: '1.004194', procedureName: o.receipt.procedureName, receivedAt: received.toISOString(), appointmentDate, status: 1, agencyName: o.receipt.agencyName }
				: {};
			rows.push({
				id,
				account_id: o.owner?.(i) ?? o.ownerId,
				procedure_code: '1.004194',
				agency_code: o.agencyCode,
				code,
				status: o.status?.(i) ?? 1,
				manifest: body,
				digest: id.replace(/-/g, '').padEnd(64, '0'),
				received_at: received.toISOString(),
				appointment_date: appointmentDate,
				receipt: JSON.stringify(receipt),
				assignee_id: null,
				applicant_name: who.name,
				applicant_id_number: who.idNumber,
				search_text: dossierSearchText(code, who.name, who.idNumber),
				updated_at: received.toISOString()
			});
		}
		await db.insertInto('dossiers').values(rows).execute();
	}
	return made;
}
