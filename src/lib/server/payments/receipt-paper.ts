/**
 * The e-receipt issued by the server (issue 14 item 5, issue 15 item 7): the same PDF the
 * phone builds offline (domain/pdf/fee-receipt.ts, dated by the payment, so the same bytes),
 * kept in the blob store and recorded as an issued paper of the dossier's owner — "Do cơ quan
 * cấp" in their store, listed by GET /api/documents and fetched back after a deletion on the
 * phone. Issued when the payment is counted: `settlePayment` and the officer's manual match
 * call `issueReceiptAfterSettlement` once their transaction has committed. A receipt that
 * could not be made then (or a fee paid before receipts were issued this way) is made by
 * `issueMissingReceipts`, which housekeeping runs soon after start and every hour. Reading
 * (GET /api/documents) never writes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { documentMetadataSchema, type DocumentMetadata } from '$lib/domain/documents';
import { buildFeeReceiptPdf, feeReceiptFileName, feeReceiptNumber, RECEIPT_TYPE } from '$lib/domain/pdf/fee-receipt';
import type { FontBytes } from '$lib/domain/pdf/layout';
import { vietnamDate } from '$lib/domain/time';
import { dossierReceiptSchema } from '$lib/domain/wire/dossiers';
import type { Obligation } from '$lib/domain/wire/payments';
import { blobPath, moveIntoStore, uploadsDir } from '../blobs/store';
import type { Database } from '../db/types';
import { recordIssuedPaper } from '../documents/record';
import { inWriteTransaction } from '../dossiers/transaction';
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

export interface ReceiptDeps {
	db: Kysely<Database>;
	/** The data folder: the receipt PDF goes into its blob store. */
	dataDir: string;
}

/** Issues (once) the receipt of this paid obligation: blob in the store, issued paper of the owner. */
export async function issueFeeReceipt(deps: ReceiptDeps, dossier: DossierRow, obligation: Obligation): Promise<IssuedReceipt> {
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
	const receipt = dossierReceiptSchema.parse(JSON.parse(dossier.receipt));
	const metadata: DocumentMetadata = documentMetadataSchema.parse({
		typeId: RECEIPT_TYPE,
		title: `Biên lai lệ phí hồ sơ ${receipt.code}`.slice(0, 120),
		number: feeReceiptNumber(payment),
		issuer: receipt.agencyName.slice(0, 200),
		issuedOn: vietnamDate(new Date(payment.paidAt)).date,
		holder: { kind: 'self' }
	});
	const file = { sha256, name, size: bytes.length, type: 'application/pdf' };
	// Dated by the payment, so the owner's list reads in the order things happened.
	const paperId = await inWriteTransaction(db, (trx) =>
		recordIssuedPaper(trx, { accountId: dossier.account_id, dossierId: dossier.id, file, metadata, eventId, at: new Date(payment.paidAt) })
	);
	return { paperId, sha256, name, size: bytes.length };
}

interface PaidRow extends DossierRow {
	obligation_id: string;
}

async function issueForPaid(deps: ReceiptDeps, row: PaidRow): Promise<IssuedReceipt | null> {
	const obligation = (await obligationsOf(deps.db, row.id, undefined)).find((o) => o.id === row.obligation_id);
	return obligation ? issueFeeReceipt(deps, row, obligation) : null;
}

const paidObligations = (db: Kysely<Database>) =>
	db
		.selectFrom('payment_obligations as o')
		.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
		.select(['o.id as obligation_id', 'd.id', 'd.account_id', 'd.code', 'd.receipt'])
		.where('o.state', '=', 'paid');

/**
 * Right after a settlement commits: the e-receipt of the obligation this payment paid (none if
 * it paid nothing: failed, expired, a refund due). Never throws — the payment is counted either
 * way, and VNPay must hear so; a receipt that could not be made now is made by the next
 * `issueMissingReceipts`.
 */
export async function issueReceiptAfterSettlement(deps: ReceiptDeps, paymentId: string): Promise<void> {
	try {
		const row = await paidObligations(deps.db).where('o.paid_payment_id', '=', paymentId).executeTakeFirst();
		if (row) await issueForPaid(deps, row);
	} catch (error) {
		console.error(`Chưa phát hành được biên lai điện tử của giao dịch ${paymentId}; lần dọn dẹp định kỳ tới sẽ phát hành lại.`, error);
	}
}

/**
 * The catch-up: every paid fee without its receipt paper gets one — fees paid before receipts
 * were issued at settlement, or whose receipt failed then. Run by housekeeping (soon after
 * start, then hourly); answers how many were issued.
 */
export async function issueMissingReceipts(deps: ReceiptDeps): Promise<number> {
	const missing = await paidObligations(deps.db)
		.where('o.paid_payment_id', 'is not', null)
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('papers as p').select('p.id').whereRef('p.dossier_id', '=', 'd.id').where('p.event_id', '=', sql<string>`'payment:' || o.paid_payment_id`)))
		)
		.execute();
	let made = 0;
	for (const row of missing) {
		try {
			if (await issueForPaid(deps, row)) made++;
		} catch (error) {
			console.error(`Chưa phát hành được biên lai điện tử của hồ sơ ${row.code ?? row.id}.`, error);
		}
	}
	return made;
}

/**
 * GET /api/dossiers/{id}/receipt?obligation=: the issued receipt PDF, to the dossier's citizen,
 * an officer of its agency or an administrator; anyone else is told there is no such dossier.
 * Without `obligation`, only a dossier with a single paid fee has an answer: with several, which
 * receipt is meant is refused as ambiguous (400 `obligation_required`, the paid fees in
 * `details`), never guessed.
 */
export async function serveFeeReceipt(
	deps: ReceiptDeps,
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
	if (paid.length === 0)
		throw new ApiError('not_found', obligationId ? 'Không có khoản phí đã thanh toán này trong hồ sơ nên không có biên lai.' : 'Hồ sơ này chưa có khoản phí nào đã thanh toán nên chưa có biên lai.');
	if (paid.length > 1)
		throw new ApiError('obligation_required', `Hồ sơ này có ${paid.length} khoản phí đã thanh toán, mỗi khoản một biên lai: hãy chọn khoản phí cần lấy biên lai.`, {
			fields: { obligation: 'Chọn một khoản phí đã thanh toán' },
			details: { obligations: paid.map((o) => ({ id: o.id, amount: o.amount, paidAt: o.payment?.paidAt })) }
		});
	// Issued at settlement; made here only if that failed and no catch-up has run since.
	const issued = await issueFeeReceipt(deps, dossier, paid[0]);
	return attachmentResponse(deps.dataDir, issued.sha256, { filename: issued.name, type: 'application/pdf', disposition: download ? 'attachment' : 'inline' });
}
