/**
 * Where papers come from, written inside the workflow action's transaction (one commit with
 * the event): accepting a dossier makes each of its files a verified paper of the citizen;
 * finishing it with a result file makes that file an issued paper, and gives the citizen the
 * blob (the officer uploaded it), so a later dossier can attach it by hash. The fee e-receipt
 * (payments/receipt-paper.ts) is issued through the same `recordIssuedPaper`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { attachedDocumentType, documentMetadataSchema, RESULT_DOCUMENT_TYPE, type DocumentMetadata } from '$lib/domain/documents';
import { vietnamDate } from '$lib/domain/time';
import { dossierReceiptSchema, manifestAttachmentSchema } from '$lib/domain/wire/dossiers';
import type { Database } from '../db/types';
import { blobsOf, recordBlob } from '../blobs/repository';
import { getProcedure } from '../catalogue';

interface AcceptedDossier {
	id: string;
	account_id: string;
	procedure_code: string;
	/** JSON text of the manifest being accepted. */
	manifest: string;
}

/** Every file of the accepted manifest becomes a verified paper of the dossier's owner (once per slot and file). */
export async function recordVerifiedPapers(trx: Kysely<Database>, dossier: AcceptedDossier, eventId: string, at: Date): Promise<number> {
	// Each attachment read on its own: a manifest stored under an older schema still yields its files.
	const listed: unknown[] = (JSON.parse(dossier.manifest) as { attachments?: unknown[] }).attachments ?? [];
	const parsed = listed.flatMap((a) => {
		const r = manifestAttachmentSchema.safeParse(a);
		return r.success ? [r.data] : [];
	});
	const attachments = [...new Map(parsed.map((a) => [`${a.slot}/${a.sha256}`, a])).values()];
	if (attachments.length === 0) return 0;
	// The owner's verified blobs: the sniffed type and the real size, not what the device said.
	const held = new Map((await blobsOf(trx, dossier.account_id, attachments.map((a) => a.sha256))).map((b) => [b.sha256, b]));
	const rows = attachments
		.filter((a) => held.has(a.sha256))
		.map((a) => {
			const blob = held.get(a.sha256)!;
			const typeId = attachedDocumentType(dossier.procedure_code, a.slot, a.document?.typeId);
			const metadata: DocumentMetadata = documentMetadataSchema.parse({ ...a.document, typeId, holder: a.document?.holder ?? { kind: 'self' } });
			return {
				id: randomUUID(),
				account_id: dossier.account_id,
				origin: 'verified' as const,
				dossier_id: dossier.id,
				slot: a.slot,
				sha256: a.sha256,
				name: a.name,
				size: Number(blob.size),
				type: blob.type,
				type_id: typeId,
				metadata: JSON.stringify(metadata),
				event_id: eventId,
				created_at: at.toISOString()
			};
		});
	if (rows.length)
		await trx
			.insertInto('papers')
			.values(rows)
			.onConflict((oc) => oc.columns(['dossier_id', 'origin', 'slot', 'sha256']).doNothing())
			.execute();
	return rows.length;
}

interface FinishedDossier {
	id: string;
	account_id: string;
	procedure_code: string;
	/** JSON text of the receipt (it names the agency). */
	receipt: string;
}

export interface IssuedPaper {
	accountId: string;
	dossierId: string;
	file: { sha256: string; name: string; size: number; type: string };
	metadata: DocumentMetadata;
	/** The dossier event or payment (`payment:<id>`) that issued it. */
	eventId: string;
	at: Date;
}

/**
 * A file an agency issued becomes the citizen's: an issued paper ("Do cơ quan cấp"), and a
 * blob they hold so a later dossier can attach it by hash. Once per dossier and file: the
 * same paper issued again is the row already there. Answers the paper's id.
 */
export async function recordIssuedPaper(db: Kysely<Database>, paper: IssuedPaper): Promise<string> {
	const { file } = paper;
	await recordBlob(db, { accountId: paper.accountId, sha256: file.sha256, size: file.size, type: file.type, at: paper.at });
	await db
		.insertInto('papers')
		.values({
			id: randomUUID(),
			account_id: paper.accountId,
			origin: 'issued',
			dossier_id: paper.dossierId,
			slot: '',
			sha256: file.sha256,
			name: file.name,
			size: file.size,
			type: file.type,
			type_id: paper.metadata.typeId,
			metadata: JSON.stringify(paper.metadata),
			event_id: paper.eventId,
			created_at: paper.at.toISOString()
		})
		.onConflict((oc) => oc.columns(['dossier_id', 'origin', 'slot', 'sha256']).doNothing())
		.execute();
	const row = await db
		.selectFrom('papers')
		.select('id')
		.where('dossier_id', '=', paper.dossierId)
		.where('origin', '=', 'issued')
		.where('slot', '=', '')
		.where('sha256', '=', file.sha256)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The result file of a finished dossier, issued to its owner (inside the `finish` action's transaction). */
export async function recordResultPaper(
	trx: Kysely<Database>,
	dossier: FinishedDossier,
	file: { sha256: string; name: string; size: number; type: string },
	eventId: string,
	at: Date
): Promise<void> {
	const receipt = dossierReceiptSchema.safeParse(JSON.parse(dossier.receipt));
	const metadata: DocumentMetadata = documentMetadataSchema.parse({
		typeId: RESULT_DOCUMENT_TYPE,
		title: getProcedure(dossier.procedure_code)?.result.name.slice(0, 120),
		issuer: receipt.success ? receipt.data.agencyName.slice(0, 200) : undefined,
		issuedOn: vietnamDate(at).date,
		holder: { kind: 'self' }
	});
	await recordIssuedPaper(trx, { accountId: dossier.account_id, dossierId: dossier.id, file, metadata, eventId, at });
}
