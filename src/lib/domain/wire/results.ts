/**
 * The result of a dossier on the wire: how it is handed over (the delivery the citizen chose
 * when sending, with what the desk recorded at handing over), the result files to download,
 * and the satisfaction rating after it.
 */
import * as z from 'zod/mini';
import { postalTariffSchema, TRACKING_NUMBER } from '../postal';

export const resultFileSchema = z.object({ sha256: z.string(), name: z.string(), size: z.int(), type: z.string() });
export type ResultFile = z.infer<typeof resultFileSchema>;

export const resultViewSchema = z.object({
	delivery: z.object({
		method: z.enum(['online', 'counter', 'post']),
		/** Post: the address as one line and the fee paid to the post office. */
		address: z.optional(z.string()),
		postalFee: z.optional(z.int()),
		/** Post: the postal item number the officer recorded when sending. */
		trackingNumber: z.nullable(z.string()),
		/** When the desk handed it over (status 10), or null. */
		handedOverAt: z.nullable(z.string())
	}),
	files: z.array(resultFileSchema)
});
export type ResultView = z.infer<typeof resultViewSchema>;

export const trackingNumberSchema = z
	.string('Hãy nhập số hiệu bưu gửi')
	.check(z.trim(), z.toUpperCase(), z.regex(TRACKING_NUMBER, 'Số hiệu bưu gửi gồm 8–20 chữ in hoa và chữ số, ví dụ EB123456789VN'));

/** The national satisfaction scale: 1 Rất không hài lòng … 5 Rất hài lòng. */
const scoreSchema = z.int('Hãy chọn một mức từ 1 đến 5').check(z.minimum(1, 'Hãy chọn một mức từ 1 đến 5'), z.maximum(5, 'Hãy chọn một mức từ 1 đến 5'));

/** The standard questions, each on the same 1–5 scale. */
export const ratingQuestions = ['onTime', 'guidance', 'fees'] as const;

export const ratingRequestSchema = z.strictObject({
	score: scoreSchema,
	answers: z.strictObject({ onTime: scoreSchema, guidance: scoreSchema, fees: scoreSchema }),
	comment: z.optional(z.string().check(z.trim(), z.maxLength(1000, 'Góp ý tối đa 1000 ký tự')))
});
export type RatingRequest = z.infer<typeof ratingRequestSchema>;

export const ratingViewSchema = z.object({ score: z.int(), answers: z.record(z.string(), z.int()), comment: z.nullable(z.string()), createdAt: z.string() });
export type RatingView = z.infer<typeof ratingViewSchema>;

/** GET /api/officer/ratings: the agency's ratings in aggregate. */
export const ratingSummarySchema = z.object({
	agencyCode: z.nullable(z.string()),
	count: z.int(),
	/** Mean of the overall score, one decimal; null with no rating. */
	average: z.nullable(z.number()),
	/** How many ratings gave 1, 2, 3, 4, 5. */
	byScore: z.array(z.int()),
	questions: z.record(z.string(), z.nullable(z.number()))
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** GET /api/postal-tariff: the table the server charges a result sent by post with (domain/postal.ts). */
export const postalTariffAnswerSchema = postalTariffSchema;
