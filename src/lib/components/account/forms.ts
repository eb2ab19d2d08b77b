/**
 * Shared by the account pages (register, sign-in, profile, officers): the labels the error
 * summary shows. A form action's failure comes from `actionFailure` ($lib/server/http).
 */
import { t } from '$lib/i18n/account';

const FIELD_LABELS = {
	fullName: 'acct.fullName',
	idNumber: 'acct.idNumber',
	dateOfBirth: 'acct.dateOfBirth',
	sex: 'acct.sex',
	phone: 'acct.mobile',
	email: 'acct.email',
	permanentAddress: 'acct.address',
	password: 'acct.password',
	channel: 'acct.codeVia',
	code: 'acct.code',
	identifier: 'acct.identifier',
	currentPassword: 'account.currentPassword',
	newPassword: 'acct.newPassword',
	agencyCode: 'acct.agency',
	role: 'acct.role',
	pin: 'acct.pin'
} as const satisfies Record<string, Parameters<typeof t>[0]>;

export interface SummaryItem {
	path: string;
	label: string;
	message: string;
}

/** `{ field: message }` → the rows of `ErrorSummary` (link target `#f-<path>`). */
export function summaryOf(fields: Record<string, string> | undefined, formMessage?: string): SummaryItem[] {
	const items = Object.entries(fields ?? {})
		.filter(([path]) => path !== '_')
		.map(([path, message]) => ({ path, label: t(FIELD_LABELS[path.split('.')[0] as keyof typeof FIELD_LABELS] ?? 'acct.info'), message }));
	if (!items.length && formMessage) items.push({ path: 'form', label: t('acct.error'), message: formMessage });
	return items;
}
