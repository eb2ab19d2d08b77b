/**
 * Account wire schemas shared by the registration/profile pages and the server.
 * Field rules reuse the form validators (ID number, phone, date, e-mail), so a person
 * sees the same message in the browser and from the server. Whether a password is on the
 * common-password list is checked on the server only (the list stays out of the bundle).
 */
import { z } from 'zod';
import { addressAnswerSchema } from './units';
import { parseDate, validateDate } from './validators/date';
import { validateEmail } from './validators/email';
import { validateIdNumber } from './validators/id-number';
import { nameCharacterMessage, normalizeName } from './validators/name';
import { normalizePhone, validatePhone } from './validators/phone';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Runs a validator returning a message or null as a zod refinement. */
const checkedBy = (validate: (value: string) => string | null, required: string) =>
	z
		.string({ error: required })
		.trim()
		.min(1, required)
		.superRefine((value, ctx) => {
			const message = validate(value);
			if (message) ctx.addIssue({ code: 'custom', message });
		});

/** The one name rule (validators/name.ts): NFC, single spaces, letters, ' and - only. */
export const fullNameSchema = z
	.string({ error: 'Vui lòng nhập họ và tên' })
	.overwrite(normalizeName)
	.min(2, 'Vui lòng nhập đầy đủ họ và tên như trên thẻ căn cước')
	.max(100, 'Họ và tên dài tối đa 100 ký tự')
	.superRefine((name, ctx) => {
		const message = nameCharacterMessage(name);
		if (message) ctx.addIssue({ code: 'custom', message });
	});

export const idNumberSchema = checkedBy((v) => validateIdNumber(v), 'Vui lòng nhập số CCCD (số định danh cá nhân) 12 chữ số');

/** Any form people type (0912 345 678, +84912345678) → "0912345678". */
export const phoneSchema = checkedBy(validatePhone, 'Vui lòng nhập số điện thoại di động').transform((v) => normalizePhone(v)!);

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const emailSchema = checkedBy(validateEmail, 'Vui lòng nhập địa chỉ e-mail').transform((v) => v.toLowerCase());
export const optionalEmailSchema = z.preprocess(emptyToUndefined, emailSchema.optional());

/** dd/mm/yyyy as typed → ISO yyyy-mm-dd, the stored form. */
export const dateOfBirthSchema = checkedBy(
	(v) => validateDate(v, { range: 'past' }),
	'Vui lòng nhập ngày sinh theo dạng ngày/tháng/năm'
).transform(
	(v) => {
		const d = parseDate(v)!;
		return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
	}
);

export const sexSchema = z.enum(['nam', 'nu'], { error: 'Vui lòng chọn giới tính' });

const missingAddress = 'Vui lòng chọn tỉnh/thành phố, xã/phường và nhập số nhà, tên đường nơi thường trú';
export const permanentAddressSchema = z
	.strictObject(
		{
			provinceCode: addressAnswerSchema.shape.provinceCode,
			communeCode: addressAnswerSchema.shape.communeCode,
			street: addressAnswerSchema.shape.street
		},
		{ error: missingAddress }
	)
	.refine((a) => Boolean(a.street), {
		message: 'Vui lòng nhập số nhà, tên đường hoặc thôn, tổ dân phố nơi thường trú',
		path: ['street']
	});
export type PermanentAddress = z.infer<typeof permanentAddressSchema>;

export const passwordSchema = z
	.string({ error: 'Vui lòng nhập mật khẩu' })
	.min(PASSWORD_MIN_LENGTH, `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
	.max(PASSWORD_MAX_LENGTH, `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự`);

export const codeChannelSchema = z.enum(['sms', 'email'], {
	error: 'Hãy chọn nhận mã qua tin nhắn SMS hoặc e-mail'
});

/** Whether an issue of this parse already concerns one of these fields. */
const failed = (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }, field: string) =>
	payload.issues.some((issue) => issue.path?.[0] === field);

/**
 * ID number digits 4–6 encode sex and year of birth: cross-check them with the answers.
 * Runs with the other field checks (zod skips object refinements once any field failed, so
 * the person would meet this as a second round of errors), as soon as the ID number and the
 * date of birth are valid themselves; a sex not yet chosen only skips the sex digit.
 */
const idAgainstBirth = {
	when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
		!failed(payload, 'idNumber') && !failed(payload, 'dateOfBirth'),
	check(value: { idNumber?: unknown; dateOfBirth?: unknown; sex?: unknown }, ctx: z.RefinementCtx) {
		if (typeof value.idNumber !== 'string' || typeof value.dateOfBirth !== 'string') return;
		const message = validateIdNumber(value.idNumber, {
			birthYear: Number(value.dateOfBirth.slice(0, 4)),
			sex: value.sex === 'nam' || value.sex === 'nu' ? value.sex : undefined
		});
		if (message) ctx.addIssue({ code: 'custom', message, path: ['idNumber'] });
	}
};

export const registrationSchema = z
	.object({
		fullName: fullNameSchema,
		idNumber: idNumberSchema,
		dateOfBirth: dateOfBirthSchema,
		sex: sexSchema,
		phone: phoneSchema,
		email: optionalEmailSchema,
		permanentAddress: permanentAddressSchema,
		password: passwordSchema,
		channel: codeChannelSchema
	})
	.superRefine(idAgainstBirth.check, { when: idAgainstBirth.when })
	.superRefine(
		(value, ctx) => {
			if (value.channel === 'email' && !value.email) {
				ctx.addIssue({
					code: 'custom',
					message: 'Hãy nhập địa chỉ e-mail để nhận mã, hoặc chọn nhận mã qua SMS',
					path: ['email']
				});
			}
		},
		{ when: (payload) => !failed(payload, 'email') }
	);
export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;

/** Profile changes; every field optional. A new ID number must be confirmed by a code. */
export const profileUpdateSchema = z
	.object({
		fullName: fullNameSchema.optional(),
		idNumber: idNumberSchema.optional(),
		dateOfBirth: dateOfBirthSchema.optional(),
		sex: sexSchema.optional(),
		phone: phoneSchema.optional(),
		/** An empty answer removes the e-mail address. */
		email: z.preprocess((v) => (emptyToUndefined(v) === undefined && v !== undefined ? null : v), emailSchema.nullable().optional()),
		permanentAddress: permanentAddressSchema.optional()
	})
	.superRefine(idAgainstBirth.check, { when: idAgainstBirth.when });
export type ProfileUpdateInput = z.input<typeof profileUpdateSchema>;

/** Staff accounts created by an administrator. */
export const staffAccountSchema = z.object({
	role: z.enum(['officer', 'admin'], { error: 'Hãy chọn vai trò cán bộ hoặc quản trị viên' }),
	agencyCode: z.string({ error: 'Hãy chọn cơ quan' }).trim().min(1, 'Hãy chọn cơ quan'),
	fullName: fullNameSchema,
	idNumber: idNumberSchema,
	phone: phoneSchema,
	email: optionalEmailSchema,
	/** When absent the server generates a temporary password and returns it once. */
	password: passwordSchema.optional()
});
export type StaffAccountInput = z.input<typeof staffAccountSchema>;

/** Six digits as typed, spaces allowed ("123 456"). */
export const oneTimeCodeSchema = z
	.string({ error: 'Vui lòng nhập mã xác nhận' })
	.transform((v) => v.replace(/\s/g, ''))
	.pipe(z.string().regex(/^\d{6}$/, 'Mã xác nhận gồm 6 chữ số'));

/** Identifier for sign-in and recovery: a 12-digit ID number or a phone number. */
export function normalizeIdentifier(raw: string): { kind: 'idNumber' | 'phone'; value: string } | null {
	const compact = raw.trim().replace(/[\s.]/g, '');
	if (/^\d{12}$/.test(compact)) return { kind: 'idNumber', value: compact };
	const phone = normalizePhone(compact);
	return phone ? { kind: 'phone', value: phone } : null;
}

/** "001090012345" → "0010••••••45": an ID number as lists and the device's account picker show it. */
export function maskIdNumber(idNumber: string): string {
	return idNumber.length > 6 ? `${idNumber.slice(0, 4)}${'•'.repeat(idNumber.length - 6)}${idNumber.slice(-2)}` : '••••';
}
