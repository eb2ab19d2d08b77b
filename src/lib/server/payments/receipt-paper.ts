/**
 * The e-receipt issued by the server (issue 14 item 5, issue 15 item 7): the same PDF the
 * phone builds offline (domain/pdf/fee-receipt.ts, dated by the payment, so the same bytes),
 * kept in the blob store and recorded as an issued paper of the dossier's owner — "Do cơ quan
 * cấp" in their store, listed by GET /api/documents and fetched back after a deletion on the
 * phone. Issued on first need: when the receipt is asked for, and when the owner's papers are
 * listed (every paid fee without its receipt paper gets one then).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { documentMetadataSchema, type DocumentMetadata } from '$lib/domain/documents';
import { buildFeeReceiptPdf, feeReceiptFileName, feeReceiptNumber, RECEIPT_TYPE } from '$lib/domain/pdf/fee-receipt';
import type { FontBytes } from '$lib/domain/pdf/layout';
import { vietnamDate } from '$lib/domain/time';
import { dossierReceiptSchema } from '$lib/domain/wire/dossiers';
import type { Obligation } from '$lib/domain/wire/payments';
import { recordBlob } from '../blobs/repository';
import { blobPath, moveIntoStore, uploadsDir } from '../blobs/store';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { attachmentResponse } from '../http/attachment-response';
import type { ActingAccount } from '../workflow/actions';
import { readableDossier } from '../workflow/inbox';
import { obligationsOf } from './obligations';

const FONT_FILES = { regular: 'BeVietnamPro-Regular.pdffont', bold: 'BeVietnamPro-Bold.pdffont' } as const;
let fonts: FontBytes | undefined;

/** The prepared fonts the phone downloads (static/fonts), read from the source tree or the build. */
export function receiptFonts(): FontBytes {
	if (fonts) return fonts;
	const dirs = [join(process.cwd(), 'static', 'fonts'), join(process.cwd(), process.env.BUILD_DIR ?? 'build', 'client', 'fonts')];
	for (const dir of dirs) {
		try {
			fonts = { regular: readFileSync(join(dir, FONT_FILES.regular)), bold: readFileSync(join(dir, FONT_FILES.bold)) };
			return fonts;
		} catch {
			// the next place
		}
	}
	throw new Error(`Không tìm thấy phông chữ biên lai (${FONT_FILES.regular}) trong ${dirs.join(' hoặc ')}.`);
}

export interface IssuedReceipt {
	paperId: string;
	sha256: string;
	name: string;
	size: number;
}

interface DossierRow {
	id: string;
	account_id: string;
	code: string | null;
	receipt: string;
}

/** The receipt PDF of a paid obligation of this dossier, as the phone would build it. */
export async function feeReceiptBytes(dossier: DossierRow, obligation: Obligation): Promise<{ bytes: Uint8Array; name: string }> {
	const receipt = dossierReceiptSchema.parse(JSON.parse(dossier.receipt));
	const input = { dossier: { code: receipt.code, procedure: { name: receipt.procedureName }, receipt: { agencyName: receipt.agencyName } }, obligation };
	return { bytes: await buildFeeReceiptPdf(input, receiptFonts()), name: feeReceiptFileName(receipt.code, obligation.id) };
}

/** Issues (once) the receipt of this paid obligation: blob in the store, issued paper of the owner. */
export async function issueFeeReceipt(deps: { db: Kysely<Database>; dataDir: string; now?: () => Date }, dossier: DossierRow, obligation: Obligation): Promise<IssuedReceipt> {
	const { db } = deps;
	const payment = obligation.payment;
	if (obligation.state !== 'paid' || !payment) throw new ApiError('not_found', 'Khoản phí này chưa được thanh toán nên chưa có biên lai.');
	const eventId = `payment:${payment.id}`;
	const existing = await db.selectFrom('papers').select(['id', 'sha256', 'name', 'size']).where('dossier_id', '=', dossier.id).where('event_id', '=', eventId).executeTakeFirst();
	if (existing) {
		const onDisk = await stat(blobPath(deps.dataDir, existing.sha256)).then(
			() => true,
			() => false
		);
		if (onDisk) return { paperId: existing.id, sha256: existing.sha256, name: existing.name, size: Number(existing.size) };
	}
	const { bytes, name } = await feeReceiptBytes(dossier, obligation);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	// Written aside, then moved into the store as an upload is: a reader never sees half a file,
	// and a copy already there only has its age refreshed (housekeeping reads it).
	const dir = uploadsDir(deps.dataDir);
	await mkdir(dir, { recursive: true });
	const temp = join(dir, `receipt-${randomUUID()}`);
	try {
		await writeFile(temp, bytes);
		await moveIntoStore(deps.dataDir, temp, sha256);
	} finally {
		await rm(temp, { force: true });
	}
	const at = deps.now?.() ?? new Date();
	const receipt = dossierReceiptSchema.parse(JSON.parse(dossier.receipt));
	const metadata: DocumentMetadata = documentMetadataSchema.parse({
		typeId: RECEIPT_TYPE,
		title: `Biên lai lệ phí hồ sơ ${receipt.code}`.slice(0, 120),
		number: feeReceiptNumber(payment),
		issuer: receipt.agencyName.slice(0, 200),
		issuedOn: vietnamDate(new Date(payment.paidAt)).date,
		holder: { kind: 'self' }
	});
	await recordBlob(db, { accountId: dossier.account_id, sha256, size: bytes.length, type: 'application/pdf', at });
	await db
		.insertInto('papers')
		.values({
			id: randomUUID(),
			account_id: dossier.account_id,
			origin: 'issued',
			dossier_id: dossier.id,
			slot: '',
			sha256,
			name,
			size: bytes.length,
			type: 'application/pdf',
			type_id: RECEIPT_TYPE,
			metadata: JSON.stringify(metadata),
			event_id: eventId,
			created_at: payment.paidAt
		})
		.onConflict((oc) => oc.columns(['dossier_id', 'origin', 'slot', 'sha256']).doNothing())
		.execute();
	const paper = await db.selectFrom('papers').select(['id']).where('dossier_id', '=', dossier.id).where('event_id', '=', eventId).executeTakeFirstOrThrow();
	return { paperId: paper.id, sha256, name, size: bytes.length };
}

/** Every paid fee of the account's dossiers that has no receipt paper yet gets one (before its papers are listed). */
export async function issueMissingReceipts(deps: { db: Kysely<Database>; dataDir: string; now?: () => Date }, accountId: string): Promise<number> {
	const { db } = deps;
	const paid = await db
		.selectFrom('payment_obligations as o')
		.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
		.select(['o.id as obligation_id', 'o.paid_payment_id', 'd.id', 'd.account_id', 'd.code', 'd.receipt'])
		.where('d.account_id', '=', accountId)
		.where('o.state', '=', 'paid')
		.execute();
	if (!paid.length) return 0;
	const issued = new Set(
		(
			await db
				.selectFrom('papers')
				.select('event_id')
				.where('account_id', '=', accountId)
				.where('type_id', '=', RECEIPT_TYPE)
				.execute()
		).map((p) => p.event_id)
	);
	let made = 0;
	for (const row of paid) {
		if (!row.paid_payment_id || issued.has(`payment:${row.paid_payment_id}`)) continue;
		const obligation = (await obligationsOf(db, row.id, undefined)).find((o) => o.id === row.obligation_id);
		if (!obligation) continue;
		await issueFeeReceipt(deps, row, obligation);
		made++;
	}
	return made;
}

/**
 * GET /api/dossiers/{id}/receipt?obligation=: the issued receipt PDF, to the dossier's citizen,
 * an officer of its agency or an administrator; anyone else is told there is no such dossier.
 */
export async function serveFeeReceipt(
	deps: { db: Kysely<Database>; dataDir: string; now?: () => Date },
	account: ActingAccount,
	dossierId: string,
	obligationId: string | null,
	download: boolean
): Promise<Response> {
	const { db } = deps;
	if (account.role === 'citizen') {
		const own = /^[0-9a-f-]{36}$/i.test(dossierId) && (await db.selectFrom('dossiers').select('id').where('id', '=', dossierId).where('account_id', '=', account.id).executeTakeFirst());
		if (!own) throw new ApiError('not_found', 'Không tìm thấy hồ sơ này trong tài khoản của bạn.');
	} else await readableDossier(db, account, dossierId);
	const dossier = await db.selectFrom('dossiers').select(['id', 'account_id', 'code', 'receipt']).where('id', '=', dossierId).executeTakeFirstOrThrow();
	const paid = (await obligationsOf(db, dossierId, undefined)).filter((o) => o.state === 'paid' && (!obligationId || o.id === obligationId));
	if (paid.length === 0) throw new ApiError('not_found', 'Hồ sơ này chưa có khoản phí nào đã thanh toán nên chưa có biên lai.');
	const issued = await issueFeeReceipt(deps, dossier, paid[0]);
	return attachmentResponse(deps.dataDir, issued.sha256, { filename: issued.name, type: 'application/pdf', disposition: download ? 'attachment' : 'inline' });
}
