import { normalizeIdentifier } from '$lib/domain/account';
import { claimBackoffAttempt, forgiveRateLimitHit, hitRateLimit, rateLimits, resetRateLimit, signInBackoff } from '../rate-limit';
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
 *
 * Guessing is slowed, never turned into a lockout of the owner (issue 12, defect 5):
 * attempts on one account from one address wait exponentially longer after a few failures
 * (`signInBackoff.perAccountAndAddress`), so a guesser elsewhere does not shut the owner out;
 * attempts from every address together wait at most a minute (`perAccount`); the ID number
 * and the phone of one account count as that one account; and the per-address limit counts
 * failures only, so many people signing in behind one carrier address are not refused.
 */
export async function signIn(deps: AccountDeps, input: SignInInput): Promise<SignInResult> {
	const now = nowOf(deps);
	const normalized = normalizeIdentifier(input.identifier);
	const account = normalized ? await findAccountByIdentifier(deps.db, normalized.value) : undefined;
	const subject = account ? `account:${account.id}` : `id:${normalized?.value ?? input.identifier.trim().toLowerCase()}`;
	const addressKey = `signin:ip:${input.ip}`;
	const pairKey = `signin:pair:${subject}|${input.ip}`;
	const accountKey = `signin:all:${subject}`;

	const perAddress = await hitRateLimit(deps.db, addressKey, rateLimits.signInFailuresPerAddress, now);
	if (!perAddress.allowed) throw rateLimited(perAddress.retryAfterMs, 'Bạn đã thử đăng nhập');
	for (const [key, rule] of [
		[pairKey, signInBackoff.perAccountAndAddress],
		[accountKey, signInBackoff.perAccount]
	] as const) {
		const claim = await claimBackoffAttempt(deps.db, key, rule, now);
		if (!claim.allowed) {
			await forgiveRateLimitHit(deps.db, addressKey);
			throw rateLimited(claim.retryAfterMs, 'Bạn đã thử đăng nhập');
		}
	}

	const ok = account
		? await verifyPassword(input.password, account.password_hash)
		: await verifyAgainstDummy(input.password, deps.passwordParams);
	if (!account || !ok) throw new ApiError('invalid_credentials', INVALID_CREDENTIALS);
	// A right password: neither this address's failure budget nor the account's delays keep it.
	await Promise.all([forgiveRateLimitHit(deps.db, addressKey), resetRateLimit(deps.db, pairKey), resetRateLimit(deps.db, accountKey)]);

	if (account.status === 'pending') {
		throw new ApiError('account_pending', 'Tài khoản chưa được kích hoạt. Hãy nhập mã xác nhận đã gửi khi đăng ký, hoặc yêu cầu gửi lại mã.');
	}
	if (account.status === 'locked') {
		throw new ApiError('account_locked', 'Tài khoản đang bị khoá. Vui lòng liên hệ Bộ phận một cửa nơi bạn nộp hồ sơ để được hỗ trợ.');
	}
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
