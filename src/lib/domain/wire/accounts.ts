/**
 * Accounts on the wire: who the session belongs to (GET /api/session) and the person's own
 * profile (GET/PATCH /api/account). The PATCH body is parsed by the server with
 * `profileUpdateSchema` (../account.ts), which carries the field rules and their messages.
 */
import * as z from 'zod/mini';
import { addressAnswerSchema } from '../units';

export const roleSchema = z.enum(['citizen', 'officer', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** The keys of an account a person may read and edit themselves (PATCH /api/account). */
export const editableAccountKeys = ['fullName', 'idNumber', 'dateOfBirth', 'sex', 'phone', 'email', 'permanentAddress'] as const;
export type EditableAccountKey = (typeof editableAccountKeys)[number];

export const permanentAddressWireSchema = z.object({
	provinceCode: addressAnswerSchema.shape.provinceCode,
	communeCode: addressAnswerSchema.shape.communeCode,
	street: z.optional(z.string())
});

/** What the account pages and other services see of an account (never the password hash). */
export const accountViewSchema = z.object({
	id: z.string(),
	role: roleSchema,
	agencyCode: z.nullable(z.string()),
	fullName: z.string(),
	idNumber: z.string(),
	pendingIdNumber: z.nullable(z.string()),
	dateOfBirth: z.nullable(z.string()),
	sex: z.nullable(z.enum(['nam', 'nu'])),
	phone: z.string(),
	email: z.nullable(z.string()),
	permanentAddress: z.nullable(permanentAddressWireSchema),
	status: z.enum(['pending', 'active', 'locked']),
	createdAt: z.string()
});
export type AccountViewWire = z.infer<typeof accountViewSchema>;

/** GET /api/account */
export const accountAnswerSchema = z.object({ account: accountViewSchema });
/** PATCH /api/account */
export const accountUpdateAnswerSchema = z.object({
	account: accountViewSchema,
	idNumberChange: z.nullable(z.object({ channel: z.enum(['sms', 'email']), sentTo: z.string(), expiresAt: z.string() }))
});

/** The signed-in person as the device's header and account picker show them. */
export const sessionAccountSchema = z.object({
	id: z.string(),
	fullName: z.string(),
	/** "0012••••••34": the full ID number never goes to the device's shared storage. */
	maskedId: z.string(),
	role: roleSchema,
	agencyCode: z.nullable(z.string())
});
export type SessionAccount = z.infer<typeof sessionAccountSchema>;

/** GET /api/session: `account: null` means nobody is signed in (never a storage failure: that is a 503). */
export const sessionAnswerSchema = z.object({ account: z.nullable(sessionAccountSchema) });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;
