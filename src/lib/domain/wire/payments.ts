/**
 * Money on the wire: the fee assessment a receipt carries, the financial obligations of a
 * dossier (status 6) and the payments made against them. Amounts are integers of đồng.
 */
import * as z from 'zod/mini';

/** A non-negative whole number of đồng (never a float, never a string). */
export const vndSchema = z.int().check(z.minimum(0, 'Số tiền không được âm'), z.maximum(1_000_000_000_000, 'Số tiền quá lớn'));

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
