import { normalizeIdentifier } from '$lib/domain/account';
import { hitRateLimit, rateLimits, resetRateLimit } from '../rate-limit';
import { isoNow, nowOf, type AccountDeps } from './deps';
import { ApiError, rateLimited } from '../http/api-error';
import { INVALID_CREDENTIALS } from './errors';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './passwords';
import { createSession, type NewSession } from './sessions';
import { findAccountByIdentifier, toAccountView, type AccountView } from './store';

export interface SignInInput {
	/** 12-digit ID number or phone number. */
	identifier: string;
	password: string;
	ip: string;
	userAgent?: string | null;
}

export interface SignInResult extends NewSession {
	account: AccountView;
}

/**
 * Every failure before the password is verified gives the same message and costs the
 * same scrypt work, so sign-in cannot be used to learn whether an account exists.
 * Only after a correct password does the answer say that the account is pending/locked.
 */
export async function signIn(deps: AccountDeps, input: SignInInput): Promise<SignInResult> {
	const now = nowOf(deps);
	const normalized = normalizeIdentifier(input.identifier);
	const identifierKey = `signin:id:${normalized?.value ?? input.identifier.trim().toLowerCase()}`;
	const [perIdentifier, perIp] = await Promise.all([
		hitRateLimit(deps.db, identifierKey, rateLimits.signInPerIdentifier, now),
		hitRateLimit(deps.db, `signin:ip:${input.ip}`, rateLimits.signInPerIp, now)
	]);
	const blocked = [perIdentifier, perIp].find((r) => !r.allowed);
	if (blocked) throw rateLimited(blocked.retryAfterMs, 'Bạn đã thử đăng nhập');

	const account = normalized ? await findAccountByIdentifier(deps.db, normalized.value) : undefined;
	const ok = account
		? await verifyPassword(input.password, account.password_hash)
		: await verifyAgainstDummy(input.password, deps.passwordParams);
	if (!account || !ok) throw new ApiError('invalid_credentials', INVALID_CREDENTIALS);

	if (account.status === 'pending') {
		throw new ApiError('account_pending', 'Tài khoản chưa được kích hoạt. Hãy nhập mã xác nhận đã gửi khi đăng ký, hoặc yêu cầu gửi lại mã.');
	}
	if (account.status === 'locked') {
		throw new ApiError('account_locked', 'Tài khoản đang bị khoá. Vui lòng liên hệ Bộ phận một cửa nơi bạn nộp hồ sơ để được hỗ trợ.');
	}
	await resetRateLimit(deps.db, identifierKey);
	if (needsRehash(account.password_hash, deps.passwordParams)) {
		await deps.db
			.updateTable('accounts')
			.set({ password_hash: await hashPassword(input.password, deps.passwordParams), updated_at: isoNow(deps) })
			.where('id', '=', account.id)
			.execute();
	}
	const session = await createSession(deps, account.id, input.userAgent);
	return { ...session, account: toAccountView(account) };
}
