/**
 * Money on the wire: the fee assessment a receipt carries, the financial obligations of a
 * dossier (status 6) and the payments made against them. Amounts are integers of đồng.
 */
import * as z from 'zod/mini';

/** The largest amount a fee or obligation may have (fits the 32-bit integer columns). */
export const MAX_VND = 2_000_000_000;

/** A non-negative whole number of đồng (never a float, never a string). */
export const vndSchema = z.int().check(z.minimum(0, 'Số tiền không được âm'), z.maximum(MAX_VND, 'Số tiền quá lớn'));

export const feeLineSchema = z.object({
	name: z.string().check(z.minLength(1)),
	kind: z.enum(['le-phi', 'phi']),
	unitAmount: vndSchema,
	quantity: z.int().check(z.positive()),
	unit: z.optional(z.string()),
	amount: vndSchema,
	exempt: z.boolean(),
	exemption: z.optional(z.string())
});
export type FeeLineWire = z.infer<typeof feeLineSchema>;

/** What the law charges for the answers given (domain/fees.ts), as the receipt records it. */
export const feeAssessmentSchema = z.object({ lines: z.array(feeLineSchema), total: vndSchema });
export type FeeAssessmentWire = z.infer<typeof feeAssessmentSchema>;

// ---- financial obligations (status 6) and payments ----

export const obligationItemSchema = z.object({
	name: z.string().check(z.trim(), z.minLength(1, 'Hãy ghi tên khoản thu'), z.maxLength(200, 'Tên khoản thu tối đa 200 ký tự')),
	amount: vndSchema
});
export type ObligationItem = z.infer<typeof obligationItemSchema>;

/** The officer's `request-payment`: the amount and its items, in đồng; the items must add up to the amount. */
export const paymentRequestSchema = z
	.object({
		amount: z.int('Số tiền phải là số nguyên đồng').check(z.positive('Số tiền phải lớn hơn 0'), z.maximum(MAX_VND, 'Số tiền quá lớn')),
		items: z.array(obligationItemSchema).check(z.minLength(1, 'Hãy ghi ít nhất một khoản thu'), z.maxLength(20, 'Tối đa 20 khoản thu'))
	})
	.check(
		z.refine((r) => r.items.reduce((s, i) => s + i.amount, 0) === r.amount, {
			message: 'Tổng các khoản thu phải bằng số tiền yêu cầu',
			path: ['amount']
		})
	);
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

export const paymentMethodSchema = z.enum(['vnpay', 'vietqr', 'counter']);
export const obligationStateSchema = z.enum(['pending', 'paid', 'cancelled']);

export const settledPaymentSchema = z.object({
	id: z.string(),
	method: paymentMethodSchema,
	amount: vndSchema,
	/** vnp_TransactionNo, the bank's transaction id or the counter receipt number. */
	providerRef: z.nullable(z.string()),
	paidAt: z.string(),
	/** The dossier's applicant, as the e-receipt names the payer. */
	payerName: z.optional(z.string())
});
export type SettledPayment = z.infer<typeof settledPaymentSchema>;

export const obligationSchema = z.object({
	id: z.string(),
	amount: vndSchema,
	items: z.array(obligationItemSchema),
	state: obligationStateSchema,
	/** What a bank transfer's description must carry. */
	reference: z.string(),
	/** The VietQR payload of a transfer for exactly this amount and reference (null: no fee account configured). */
	vietqr: z.nullable(z.string()),
	transfer: z.nullable(z.object({ bankBin: z.string(), accountNumber: z.string(), accountName: z.optional(z.string()) })),
	createdAt: z.string(),
	/** The one successful payment, once paid. */
	payment: z.optional(settledPaymentSchema)
});
export type Obligation = z.infer<typeof obligationSchema>;

/** POST /api/dossiers/{id}/payments */
export const startPaymentSchema = z.object({
	obligationId: z.string().check(z.minLength(1)),
	method: z.enum(['vnpay', 'vietqr'], 'Chọn cách thanh toán: VNPAY hoặc chuyển khoản VietQR')
});
export type StartPayment = z.infer<typeof startPaymentSchema>;

export const startPaymentAnswerSchema = z.union([
	z.object({ paymentId: z.string(), redirectUrl: z.string() }),
	z.object({ paymentId: z.string(), vietqr: z.string() })
]);
export type StartPaymentAnswer = z.infer<typeof startPaymentAnswerSchema>;

/** POST /api/officer/dossiers/{id}/payments: a payment received at the desk (level 3), with its paper receipt's number. */
export const counterPaymentSchema = z.object({
	obligationId: z.string().check(z.minLength(1, 'Hãy chọn khoản thu')),
	tender: z.enum(['cash', 'card'], 'Chọn hình thức: tiền mặt hoặc thẻ'),
	receiptNumber: z
		.string()
		.check(z.trim(), z.minLength(1, 'Hãy nhập số biên lai'), z.maxLength(40, 'Số biên lai tối đa 40 ký tự'), z.regex(/^[0-9A-Za-z/.\- ]+$/, 'Số biên lai chỉ gồm chữ, số, / . -'))
});
export type CounterPayment = z.infer<typeof counterPaymentSchema>;

/** A bank-statement line (webhook of the reconciliation adapter). */
export const bankStatementLineSchema = z.object({
	transactionId: z.string().check(z.minLength(1), z.maxLength(100)),
	amount: z.int().check(z.positive()),
	description: z.string().check(z.maxLength(500)),
	at: z.string()
});
export const bankStatementSchema = z.object({ lines: z.array(bankStatementLineSchema).check(z.minLength(1), z.maxLength(500)) });
export type BankStatementLine = z.infer<typeof bankStatementLineSchema>;

/** What reconciliation made of one statement line (the webhook's and the import's answer). */
export const transferOutcomes = ['paid', 'replayed', 'no_reference', 'amount_mismatch', 'already_paid', 'cancelled'] as const;
export type TransferOutcome = (typeof transferOutcomes)[number];
export const transferResultSchema = z.object({
	transactionId: z.string(),
	amount: z.int(),
	outcome: z.enum(transferOutcomes),
	/** A Vietnamese sentence saying what happened and what a person must do, if anything. */
	message: z.string(),
	reference: z.optional(z.string()),
	dossierCode: z.optional(z.string()),
	/** The amount the obligation asked for (amount_mismatch). */
	expected: z.optional(z.int())
});
export type TransferResult = z.infer<typeof transferResultSchema>;
export const reconciliationAnswerSchema = z.object({ results: z.array(transferResultSchema) });

/**
 * POST /api/officer/dossiers/{id}/payments/match: the officer's (or administrator's) manual match
 * of a bank transfer that reconciliation could not place to one open obligation of the dossier.
 */
export const manualMatchSchema = z.object({
	transferId: z.string().check(z.minLength(1, 'Hãy chọn giao dịch chuyển khoản'), z.maxLength(100)),
	obligationId: z.string().check(z.minLength(1, 'Hãy chọn khoản thu'), z.maxLength(100))
});
export type ManualMatch = z.infer<typeof manualMatchSchema>;

/** A statement line no obligation took (no reference, a wrong one, a wrong amount): GET /api/officer/bank-transfers. */
export const unmatchedTransferSchema = z.object({
	id: z.string(),
	amount: z.int(),
	description: z.string(),
	receivedAt: z.string()
});
export type UnmatchedTransfer = z.infer<typeof unmatchedTransferSchema>;
export const unmatchedTransfersSchema = z.object({ transfers: z.array(unmatchedTransferSchema) });
