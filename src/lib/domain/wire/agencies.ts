/**
 * GET /api/agencies?procedure=CODE&communeCode=CODE[&communeCode=CODE…]: the agencies competent
 * for a procedure at the places given (the applicant's residence first; for birth, death and
 * marriage registration also the other parent's or spouse's), the default first. The phone
 * runs the same rule offline (../routing.ts) with the directory on the device.
 */
import * as z from 'zod/mini';
import { agencyCodeSchema, procedureCodeSchema } from './primitives';

const communeCodeSchema = z.string().check(z.regex(/^\d{5}$/, 'Mã xã/phường có 5 chữ số (đơn vị hành chính 2025)'));

export const agencyQuerySchema = z.object({
	procedure: procedureCodeSchema,
	communeCode: z.array(communeCodeSchema).check(z.minLength(1, 'Hãy cho biết xã/phường nơi cư trú (communeCode)'), z.maxLength(4, 'Tối đa 4 xã/phường'))
});
export type AgencyQuery = z.infer<typeof agencyQuerySchema>;

export const competentAgencySchema = z.object({
	code: agencyCodeSchema,
	name: z.string(),
	provinceCode: z.string(),
	communeCode: z.nullable(z.string()),
	/** Why it is competent: "nơi cư trú của người mẹ". */
	reason: z.string(),
	/** Where the dossier is handed in, when another office than the agency itself. */
	desk: z.optional(z.string()),
	/** The code has the national shape but is not the one the agency holds (data/agencies/SOURCES.md). */
	illustrative: z.boolean()
});
export type CompetentAgency = z.infer<typeof competentAgencySchema>;

export const agencyAnswerSchema = z.object({
	procedureCode: procedureCodeSchema,
	/** Any agency of this kind in the country may be chosen (e.g. chứng thực). */
	anywhere: z.boolean(),
	/** The provision that names the competent agency. */
	basis: z.string(),
	agencies: z.array(competentAgencySchema),
	/** Why no agency can be named, when `agencies` is empty. */
	problem: z.optional(z.string())
});
export type AgencyAnswer = z.infer<typeof agencyAnswerSchema>;
