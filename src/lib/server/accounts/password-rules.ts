import { passwordSchema } from '$lib/domain/account';
import { isCommonPassword } from './passwords';

/**
 * Server-side rules for a new password on top of the length rule in the domain schema
 * (NIST SP 800-63B §5.1.1.2: check against commonly used and context-specific values,
 * no composition rules).
 */
export function checkNewPassword(
	password: string,
	context: { idNumber?: string | null; phone?: string | null; dateOfBirth?: string | null } = {}
): string | null {
	const parsed = passwordSchema.safeParse(password);
	if (!parsed.success) return parsed.error.issues[0].message;
	if (isCommonPassword(password)) {
		return 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ ghép 3–4 từ bạn dễ nhớ.';
	}
	const compact = password.replace(/\D/g, '');
	const [year, month, day] = context.dateOfBirth?.split('-') ?? [];
	const birthDigits = year ? [`${year}${month}${day}`, `${day}${month}${year}`] : [];
	const personal = [context.idNumber, context.phone, ...birthDigits].filter(
		(v): v is string => Boolean(v)
	);
	if (personal.some((value) => compact.length >= 8 && (value.includes(compact) || compact.includes(value)))) {
		return 'Mật khẩu không được chứa số CCCD, số điện thoại hay ngày sinh của bạn.';
	}
	return null;
}
