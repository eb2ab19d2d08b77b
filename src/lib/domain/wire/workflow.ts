/**
 * The dossier workflow on the wire: the action requests (officer and citizen), the answer
 * to an action, the officer's inbox and the officer's view of one dossier. The rules that
 * decide whether an action may run are in ../workflow.ts.
 */
import * as z from 'zod/mini';
import { dossierDetailSchema, dossierManifestSchema } from './dossiers';
import { MAX_VND, obligationSchema } from './payments';
import { resultViewSchema, trackingNumberSchema } from './results';
import { attachmentTypeSchema, isoDateSchema, isoDateTimeSchema, procedureCodeSchema, sha256HexSchema, uuidSchema } from './primitives';

export const actionNames = [
	'accept',
	'refuse',
	'start',
	'request-supplement',
	'supplement',
	'request-payment',
	'finish',
	'return',
	'stop',
	'extend',
	'withdraw',
	'release'
] as const;
export type ActionName = (typeof actionNames)[number];

const MAX_NOTE = 2000;
const text = (min: number, missing: string, max = MAX_NOTE) =>
	z.string(missing).check(z.trim(), z.minLength(min, missing), z.maxLength(max, `Tối đa ${max} ký tự`));
const optionalNote = z.optional(z.string().check(z.trim(), z.maxLength(MAX_NOTE, `Ghi chú tối đa ${MAX_NOTE} ký tự`)));

/** Money in whole đồng (the obligation's integer column holds up to MAX_VND). */
const dongSchema = z.int('Số tiền là số nguyên đồng').check(z.positive('Số tiền phải lớn hơn 0'), z.maximum(MAX_VND, 'Số tiền quá lớn'));

/** A file the officer uploaded (POST /api/officer/dossiers/{id}/files) and now attaches to the action. */
export const officerFileRefSchema = z.strictObject({
	sha256: sha256HexSchema,
	name: z.string().check(z.trim(), z.minLength(1, 'Tệp phải có tên'), z.maxLength(200, 'Tên tệp tối đa 200 ký tự'))
});
export type OfficerFileRef = z.infer<typeof officerFileRefSchema>;

const common = {
	/** Client-made id of this request: a retry with the same id is applied once and answered the same. */
	requestId: uuidSchema,
	/** The status the person saw when they chose the action; a different current status refuses it (409). */
	expectedStatus: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
	note: optionalNote
};

const reason = text(5, 'Hãy ghi lý do (ít nhất 5 ký tự)');

export const actionRequestSchema = z.discriminatedUnion('action', [
	z.strictObject({ ...common, action: z.literal('accept') }),
	z.strictObject({ ...common, action: z.literal('refuse'), reason }),
	z.strictObject({ ...common, action: z.literal('start') }),
	z.strictObject({
		...common,
		action: z.literal('request-supplement'),
		missing: z
			.array(text(2, 'Hãy ghi tên giấy tờ còn thiếu', 300))
			.check(z.minLength(1, 'Hãy ghi ít nhất một giấy tờ còn thiếu'), z.maxLength(30, 'Tối đa 30 giấy tờ')),
		note: text(5, 'Hãy ghi hướng dẫn cho người nộp (ít nhất 5 ký tự)')
	}),
	z.strictObject({
		...common,
		action: z.literal('supplement'),
		/** The dossier as resubmitted (answers and attachments changed); absent = a note only. */
		manifest: z.optional(dossierManifestSchema)
	}),
	z.strictObject({
		...common,
		action: z.literal('request-payment'),
		amount: dongSchema,
		items: z
			.array(z.strictObject({ name: text(2, 'Hãy ghi khoản thu (phí, lệ phí…)', 200), amount: dongSchema }))
			.check(z.minLength(1, 'Hãy ghi ít nhất một khoản thu'), z.maxLength(20, 'Tối đa 20 khoản thu'))
	}),
	z.strictObject({ ...common, action: z.literal('finish'), result: z.optional(officerFileRefSchema) }),
	z.strictObject({
		...common,
		action: z.literal('return'),
		/** By post: the postal item number of the envelope sent (required then). */
		trackingNumber: z.optional(trackingNumberSchema)
	}),
	z.strictObject({ ...common, action: z.literal('stop'), reason }),
	z.strictObject({
		...common,
		action: z.literal('extend'),
		newDate: isoDateSchema,
		/** Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
		apology: text(20, 'Hãy viết phiếu xin lỗi và hẹn lại ngày trả kết quả (ít nhất 20 ký tự)', 4000)
	}),
	z.strictObject({ ...common, action: z.literal('withdraw') }),
	z.strictObject({ ...common, action: z.literal('release') })
]);
export type ActionRequest = z.infer<typeof actionRequestSchema>;
export type ActionRequestInput = z.input<typeof actionRequestSchema>;

// ---- answers ----

export const statusValueSchema = z.object({ code: z.int(), name: z.string() });
export const actorRoleSchema = z.enum(['officer', 'citizen', 'system', 'admin']);

export const dossierEventViewSchema = z.object({
	id: z.string(),
	at: z.string(),
	action: z.nullable(z.string()),
	actor: z.object({ role: z.string(), name: z.nullable(z.string()), agencyCode: z.nullable(z.string()) }),
	from: z.nullable(statusValueSchema),
	to: statusValueSchema,
	note: z.nullable(z.string()),
	payload: z.nullable(z.record(z.string(), z.unknown()))
});
export type DossierEventView = z.infer<typeof dossierEventViewSchema>;

/** POST …/actions: the dossier right after this action (a retry answers the same). */
export const actionAnswerSchema = z.object({
	dossierId: uuidSchema,
	requestId: uuidSchema,
	status: statusValueSchema,
	appointmentDate: isoDateSchema,
	event: dossierEventViewSchema
});
export type ActionAnswer = z.infer<typeof actionAnswerSchema>;

export const dueMarkerSchema = z.nullable(z.enum(['overdue', 'today']));
export type DueMarker = z.infer<typeof dueMarkerSchema>;

const personRefSchema = z.object({ id: z.string(), fullName: z.string() });

export const officerDossierItemSchema = z.object({
	id: uuidSchema,
	code: z.string(),
	procedure: z.object({ code: procedureCodeSchema, name: z.string() }),
	applicant: z.object({ fullName: z.string(), idNumber: z.string() }),
	status: statusValueSchema,
	receivedAt: isoDateTimeSchema,
	appointmentDate: isoDateSchema,
	due: dueMarkerSchema,
	assignee: z.nullable(personRefSchema),
	/** Where it was sent: the same for a whole inbox, except in an administrator's view across agencies. */
	agency: z.object({ code: z.string(), name: z.string() })
});
export type OfficerDossierItem = z.infer<typeof officerDossierItemSchema>;

export const OFFICER_PAGE_SIZE = 50;

/** The query string as sent (strings); the server reads numbers out of it. */
export const officerInboxQuerySchema = z.object({
	status: z.optional(z.string().check(z.regex(/^(10|[1-9])$/, 'Trạng thái là một số từ 1 đến 10'))),
	q: z.optional(z.string().check(z.trim(), z.maxLength(100, 'Từ khoá tìm tối đa 100 ký tự'))),
	page: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,4}$/, 'Số trang là số nguyên từ 1')))
});
export type OfficerInboxQuery = z.infer<typeof officerInboxQuerySchema>;

export const officerInboxSchema = z.object({
	agency: z.nullable(z.object({ code: z.string(), name: z.string() })),
	/** Dossiers per status code (all of the agency, whatever the filter). */
	counts: z.record(z.string(), z.int()),
	/** How many match the filter and search. */
	total: z.int(),
	page: z.int(),
	pageSize: z.int(),
	today: isoDateSchema,
	dossiers: z.array(officerDossierItemSchema)
});
export type OfficerInbox = z.infer<typeof officerInboxSchema>;

export const dossierFileViewSchema = z.object({
	sha256: sha256HexSchema,
	name: z.string(),
	size: z.int(),
	type: attachmentTypeSchema,
	/** The answer's field id (attachment slot), or 'result' for a result file. */
	slot: z.string(),
	url: z.string()
});
export type DossierFileView = z.infer<typeof dossierFileViewSchema>;

export const officerDossierSchema = z.extend(officerDossierItemSchema, {
	applicant: z.object({ fullName: z.string(), idNumber: z.string(), phone: z.nullable(z.string()), email: z.nullable(z.string()) }),
	manifest: dossierManifestSchema,
	version: z.int(),
	attachments: z.array(dossierFileViewSchema),
	results: z.array(dossierFileViewSchema),
	events: z.array(dossierEventViewSchema),
	/** What the person asking may do now (for the officer: only when they may act on it). */
	nextActions: z.array(z.enum(actionNames)),
	/** True when the asking officer holds the assignment (or nobody does). */
	mine: z.boolean(),
	submittedAt: isoDateTimeSchema,
	/** The fees asked (status 6) and how each was paid: the desk records a payment at the counter. */
	obligations: z.array(obligationSchema),
	/** How the result goes to the citizen (the post address and fee, the tracking number once sent). */
	result: resultViewSchema
});
export type OfficerDossier = z.infer<typeof officerDossierSchema>;

/**
 * GET /api/dossiers/{id}: the citizen's own dossier — the receipt and answers, and the same
 * event rows the desk reads (`timeline`), the result files they may download and what they
 * may do now (supplement, withdraw).
 */
export const citizenDossierSchema = z.extend(dossierDetailSchema, {
	version: z.int(),
	timeline: z.array(dossierEventViewSchema),
	results: z.array(dossierFileViewSchema),
	nextActions: z.array(z.enum(actionNames))
});
export type CitizenDossier = z.infer<typeof citizenDossierSchema>;

/** POST /api/officer/dossiers/{id}/files → the stored file, to reference in `finish`. */
export const officerFileAnswerSchema = z.object({ sha256: sha256HexSchema, name: z.string(), size: z.int(), type: attachmentTypeSchema });
export type OfficerFileAnswer = z.infer<typeof officerFileAnswerSchema>;

export const devAccountSchema = z.object({
	role: z.enum(['citizen', 'officer', 'admin']),
	fullName: z.string(),
	identifier: z.string(),
	password: z.string(),
	agencyCode: z.nullable(z.string()),
	/** The agency's name, and how many dossiers are on its desk now (officers). */
	agencyName: z.optional(z.nullable(z.string())),
	waiting: z.optional(z.int())
});
export const devAccountsSchema = z.array(devAccountSchema);
export type DevAccount = z.infer<typeof devAccountSchema>;
