import type { Channel } from '../db/types';
import { hitRateLimit, rateLimits } from '../rate-limit';
import { consumeCodeByIdentifier, issueCodeQuietly } from './codes';
import { normalizeIdentifier } from '$lib/domain/account';
import { isoNow, nowOf, type AccountDeps } from './deps';
import { ApiError, rateLimited } from '../http/api-error';
import { checkNewPassword } from './password-rules';
import { hashPassword, verifyPassword } from './passwords';
import { signOutEverywhere } from './sessions';
import { findAccountById, findAccountByIdentifier } from './store';

/** The one answer to a reset request, whether or not the account exists. */
export const RESET_REQUESTED =
	'Nếu thông tin bạn nhập khớp với một tài khoản, mã đặt lại mật khẩu đã được gửi tới số điện thoại hoặc e-mail của tài khoản đó. Mã có hiệu lực 10 phút.';

/**
 * Sends a reset code when the identifier matches an account. The answer is the same
 * either way; per-account throttling is applied silently for the same reason. Only the
 * per-IP limit is reported, as it says nothing about any account.
 */
export async function requestPasswordReset(
	deps: AccountDeps,
	input: { identifier: string; channel?: Channel; ip?: string }
): Promise<{ message: string }> {
	await issueCodeQuietly(deps, input, 'reset', { addressKey: 'reset:ip', what: 'Bạn đã yêu cầu đặt lại mật khẩu' }, (account) => account.status !== 'locked');
	return { message: RESET_REQUESTED };
}

/** Sets a new password with a reset code; ends every session. Proves the phone/e-mail, so a pending account becomes active. */
export async function resetPassword(
	deps: AccountDeps,
	input: { identifier: string; code: string; newPassword: string; ip?: string }
): Promise<{ accountId: string }> {
	// The rules a missing account would fail alike first (the numbers typed are the person's own);
	// the account's date of birth only once the code is right, so no answer tells an account exists.
	const typed = normalizeIdentifier(input.identifier);
	const generic = checkNewPassword(input.newPassword, { [typed?.kind === 'phone' ? 'phone' : 'idNumber']: typed?.value });
	if (generic) throw new ApiError('invalid_input', generic, { fields: { newPassword: generic } });
	const account = await consumeCodeByIdentifier(deps, input, 'reset', (a) => a.status !== 'locked', (a) => {
		const problem = checkNewPassword(input.newPassword, { idNumber: a.id_number, phone: a.phone, dateOfBirth: a.date_of_birth });
		if (problem) throw new ApiError('invalid_input', problem, { fields: { newPassword: problem } });
	});
	await deps.db
		.updateTable('accounts')
		.set({
			password_hash: await hashPassword(input.newPassword, deps.passwordParams),
			status: account.status === 'pending' ? 'active' : account.status,
			updated_at: isoNow(deps)
		})
		.where('id', '=', account.id)
		.execute();
	await signOutEverywhere(deps, account.id);
	return { accountId: account.id };
}

/** Changes the password of a signed-in person; other sessions end, the current one (`keepToken`) stays. */
export async function changePassword(
	deps: AccountDeps,
	input: { accountId: string; currentPassword: string; newPassword: string; keepToken?: string }
): Promise<void> {
	const account = await findAccountById(deps.db, input.accountId);
	if (!account) throw new ApiError('not_found', 'Không tìm thấy tài khoản. Hãy đăng nhập lại.');
	const limit = await hitRateLimit(deps.db, `change-password:${account.id}`, rateLimits.currentPasswordChecks, nowOf(deps));
	if (!limit.allowed) throw rateLimited(limit.retryAfterMs, 'Bạn đã nhập mật khẩu hiện tại');
	if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
		throw new ApiError('invalid_credentials', 'Mật khẩu hiện tại không đúng', { fields: { currentPassword: 'Mật khẩu hiện tại không đúng' } });
	}
	const problem =
		input.newPassword === input.currentPassword
			? 'Mật khẩu mới phải khác mật khẩu hiện tại'
			: checkNewPassword(input.newPassword, { idNumber: account.id_number, phone: account.phone, dateOfBirth: account.date_of_birth });
	if (problem) throw new ApiError('invalid_input', problem, { fields: { newPassword: problem } });
	await deps.db
		.updateTable('accounts')
		.set({ password_hash: await hashPassword(input.newPassword, deps.passwordParams), updated_at: isoNow(deps) })
		.where('id', '=', account.id)
		.execute();
	await signOutEverywhere(deps, account.id, input.keepToken);
}
