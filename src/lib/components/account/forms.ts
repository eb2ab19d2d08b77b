/**
 * Shared by the account pages (register, sign-in, profile, officers): the labels the error
 * summary shows. A form action's failure comes from `actionFailure` ($lib/server/http).
 */

export const FIELD_LABELS: Record<string, string> = {
	fullName: 'Họ và tên',
	idNumber: 'Số CCCD',
	dateOfBirth: 'Ngày sinh',
	sex: 'Giới tính',
	phone: 'Số điện thoại di động',
	email: 'E-mail',
	permanentAddress: 'Địa chỉ thường trú',
	password: 'Mật khẩu',
	channel: 'Nhận mã qua',
	code: 'Mã xác nhận',
	identifier: 'Số CCCD hoặc số điện thoại',
	currentPassword: 'Mật khẩu hiện tại',
	newPassword: 'Mật khẩu mới',
	agencyCode: 'Cơ quan',
	role: 'Vai trò',
	pin: 'Mã PIN'
};

export interface SummaryItem {
	path: string;
	label: string;
	message: string;
}

/** `{ field: message }` → the rows of `ErrorSummary` (link target `#f-<path>`). */
export function summaryOf(fields: Record<string, string> | undefined, formMessage?: string): SummaryItem[] {
	const items = Object.entries(fields ?? {})
		.filter(([path]) => path !== '_')
		.map(([path, message]) => ({ path, label: FIELD_LABELS[path.split('.')[0]] ?? 'Thông tin', message }));
	if (!items.length && formMessage) items.push({ path: 'form', label: 'Lỗi', message: formMessage });
	return items;
}
