/**
 * GET /api/lookup?code=… or ?idNumber=… (tra cứu hồ sơ): the query and the answer, one
 * entry per dossier found. Anyone may ask; what the answer shows depends on who asks
 * (server/lookup): a stranger gets the masked name, the owner signed in gets everything.
 */
import * as z from 'zod/mini';
import { validateIdNumber } from '../validators/id-number';
import { dossierCodeSchema } from './dossiers';
import { isoDateSchema, isoDateTimeSchema, procedureCodeSchema, statusSchema, uuidSchema } from './primitives';

const idNumberSchema = z.pipe(
	z.string().check(z.trim()),
	z.string().check(
		z.superRefine((value, ctx) => {
			const problem = validateIdNumber(value);
			if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
		})
	)
);

export type LookupQuery = { code: string } | { idNumber: string };

export const LOOKUP_MISSING_MESSAGE = 'Hãy nhập mã hồ sơ (trên giấy tiếp nhận) hoặc số CCCD của người nộp.';

/**
 * The query from an address (`?code=` wins over `?idNumber=`), checked with the same rules
 * on the page and on the server: a malformed code or ID number is answered here, with the
 * field at fault, before anything is looked up. `undefined`: nothing was asked yet.
 */
export function parseLookupQuery(params: URLSearchParams): { ok: true; query: LookupQuery } | { ok: false; fields: Record<string, string> } | undefined {
	const code = params.get('code')?.trim();
	const idNumber = params.get('idNumber')?.trim();
	if (code) {
		const parsed = dossierCodeSchema.safeParse(code);
		return parsed.success ? { ok: true, query: { code: parsed.data } } : { ok: false, fields: { code: parsed.error.issues[0].message } };
	}
	if (idNumber) {
		const parsed = idNumberSchema.safeParse(idNumber);
		return parsed.success ? { ok: true, query: { idNumber: parsed.data } } : { ok: false, fields: { idNumber: parsed.error.issues[0].message } };
	}
	if (params.has('code') || params.has('idNumber')) return { ok: false, fields: { code: LOOKUP_MISSING_MESSAGE } };
	return undefined;
}

/** The address of a lookup (also the link an SMS carries). */
export const lookupPath = (query: LookupQuery) =>
	'code' in query ? `/lookup?code=${encodeURIComponent(query.code)}` : `/lookup?idNumber=${encodeURIComponent(query.idNumber)}`;

export const lookupEntrySchema = z.object({
	code: z.string(),
	procedure: z.object({ code: procedureCodeSchema, name: z.string() }),
	/** Masked ("Nguyễn T** H***") unless the owner asks. */
	applicantName: z.string(),
	receivedAt: isoDateTimeSchema,
	appointmentDate: isoDateSchema,
	status: statusSchema,
	/** Only for the owner: links the entry to "Hồ sơ của tôi". */
	dossierId: z.optional(uuidSchema)
});
export type LookupEntry = z.infer<typeof lookupEntrySchema>;

export const lookupAnswerSchema = z.array(lookupEntrySchema);
