/**
 * POST /api/officer/dossiers/{id}/payments: money received at the one-stop desk (level 3,
 * "một phần"), in cash or by card, recorded by an officer of the dossier's agency with the
 * number of the paper receipt. It settles the obligation through the same `settlePayment` as
 * the online channels, so it is counted once whatever else happens; the same receipt number
 * sent again (a double click, a lost answer) is the same payment.
 */
import type { Kysely } from 'kysely';
import { counterPaymentSchema, type Obligation } from '$lib/domain/wire/payments';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { ApiError } from '../http/api-error';
import { parseWith } from '../http/respond';
import type { ActingAccount } from '../workflow/actions';
import { obligationsOf } from './obligations';
import { settlePayment } from './settle';
import { paymentOnce } from './start';

const NOT_FOUND = 'Không tìm thấy khoản thu này trong hồ sơ của cơ quan bạn.';

export async function recordCounterPayment(
	deps: { db: Kysely<Database>; config: Pick<Config, 'vietqr' | 'dataDir'>; now?: () => Date },
	account: ActingAccount,
	dossierId: string,
	body: unknown
): Promise<Obligation> {
	const request = parseWith(counterPaymentSchema, body, 'invalid_input', 'Thông tin khoản thu chưa hợp lệ');
	if (account.role !== 'officer') throw new ApiError('forbidden', 'Chỉ cán bộ của cơ quan tiếp nhận mới ghi nhận được khoản thu tại quầy.');
	const ob = await deps.db
		.selectFrom('payment_obligations as o')
		.innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
		.select(['o.id', 'o.amount', 'o.state', 'd.agency_code'])
		.where('o.id', '=', request.obligationId)
		.where('o.dossier_id', '=', dossierId)
		.executeTakeFirst();
	if (!ob || !account.agencyCode || ob.agency_code !== account.agencyCode) throw new ApiError('not_found', NOT_FOUND);

	const txnRef = `counter:${ob.id}:${request.receiptNumber}`;
	const answer = async () => (await obligationsOf(deps.db, dossierId, deps.config.vietqr)).find((o) => o.id === ob.id)!;
	const existing = await deps.db.selectFrom('payments').select(['id', 'state']).where('txn_ref', '=', txnRef).executeTakeFirst();
	if (existing?.state === 'paid') return answer();
	if (ob.state === 'paid') throw new ApiError('already_paid', 'Khoản phí này đã được thanh toán; không thu thêm.');
	if (ob.state !== 'pending') throw new ApiError('action_not_allowed', 'Khoản phí này đã được hủy; không thu.');

	const now = deps.now?.() ?? new Date();
	const paymentId = existing?.id ?? (await paymentOnce(deps.db, { obligationId: ob.id, dossierId, method: 'counter', amount: Number(ob.amount), payer: null, txnRef, recordedBy: account.id }, now));
	const settled = await settlePayment({ db: deps.db, dataDir: deps.config.dataDir }, paymentId, { kind: 'paid', providerRef: request.receiptNumber }, { tender: request.tender, receiptNumber: request.receiptNumber, by: account.fullName }, now);
	if (settled === 'refund_due') throw new ApiError('already_paid', 'Khoản phí vừa được thanh toán bằng cách khác; không thu thêm.');
	return answer();
}
