/**
 * Who may enter the officer area: active officers and administrators. Shared by the
 * /officer pages and /api/officer endpoints so the rule is written once.
 */
import { error, redirect } from '@sveltejs/kit';
import type { AccountView } from '../accounts';
import { ApiError } from '../http/api-error';

export type StaffCheck =
	| { ok: true; account: AccountView }
	| { ok: false; status: 401 | 403; message: string };

export const STAFF_ONLY = 'Trang này chỉ dành cho cán bộ Bộ phận một cửa. Tài khoản của bạn không có quyền truy cập.';
export const SIGN_IN_FIRST = 'Bạn cần đăng nhập bằng tài khoản cán bộ để vào trang này.';

export function checkStaff(account: AccountView | null, roles: AccountView['role'][] = ['officer', 'admin']): StaffCheck {
	if (!account) return { ok: false, status: 401, message: SIGN_IN_FIRST };
	if (!roles.includes(account.role) || account.status !== 'active') return { ok: false, status: 403, message: STAFF_ONLY };
	return { ok: true, account };
}

/** For an administrator's page: the admin account; a visitor is sent to sign in and back, anyone else gets 403 with `refusal`. */
export function requireAdminPage(account: AccountView | null, path: string, refusal: string): AccountView {
	const check = checkStaff(account, ['admin']);
	if (!check.ok && check.status === 401) redirect(303, `/signin?next=${path}`);
	if (!check.ok) error(check.status, refusal);
	return check.account;
}

/** For the officer API: the staff account, or the envelope's 401/403. */
export function requireStaff(account: AccountView | null, roles: AccountView['role'][] = ['officer', 'admin']): AccountView {
	const check = checkStaff(account, roles);
	if (check.ok) return check.account;
	throw new ApiError(check.status === 401 ? 'unauthenticated' : 'forbidden', check.message);
}

/** What the staff pages' header shows of the signed-in account: its name and role, for active staff only. */
export function staffHeader(account: AccountView | null): { fullName: string; role: 'officer' | 'admin' } | null {
	const check = checkStaff(account);
	return check.ok ? { fullName: check.account.fullName, role: check.account.role as 'officer' | 'admin' } : null;
}
