import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { normalizeIdentifier } from '$lib/domain/account';
import { uuidv7 } from '$lib/domain/uuid';
import type { AccountRow, Channel, CodePurpose } from '../db/types';
import { hitRateLimit, rateLimits } from '../rate-limit';
import { isoAfter, isoNow, nowOf, type AccountDeps } from './deps';
import { ApiError, rateLimited } from '../http/api-error';
import { findAccountByIdentifier, maskRecipient } from './store';

/**
 * Six-digit one-time codes sent by SMS or e-mail. Only a hash is stored; a code lives 10
 * minutes, allows 5 tries, is used once, and a newer code replaces older ones. Requests
 * are throttled: one per 60 s and 5 per hour per account.
 */
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_INTERVAL_MS = 60_000;

const hashCode = (codeId: string, code: string) =>
	createHash('sha256').update(`${codeId}:${code}`).digest('hex');

const messages: Record<CodePurpose, { subject: string; action: string }> = {
	activate: { subject: 'Mã kích hoạt tài khoản', action: 'kích hoạt tài khoản' },
	reset: { subject: 'Mã đặt lại mật khẩu', action: 'đặt lại mật khẩu' },
	'change-id': { subject: 'Mã xác nhận đổi số CCCD', action: 'xác nhận đổi số CCCD' }
};

export interface IssuedCode {
	channel: Channel;
	/** Masked recipient, e.g. "091****678", to tell the person where to look. */
	sentTo: string;
	expiresAt: string;
}

export async function issueCode(
	deps: AccountDeps,
	account: Pick<AccountRow, 'id' | 'phone' | 'email'>,
	purpose: CodePurpose,
	requestedChannel: Channel = 'sms'
): Promise<IssuedCode> {
	const { db } = deps;
	const now = nowOf(deps);
	const latest = await db
		.selectFrom('one_time_codes')
		.select('created_at')
		.where('account_id', '=', account.id)
		.where('purpose', '=', purpose)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (latest) {
		const waitMs = Date.parse(latest.created_at) + CODE_RESEND_INTERVAL_MS - now.getTime();
		if (waitMs > 0) {
			const seconds = Math.ceil(waitMs / 1000);
			throw new ApiError('resend_too_soon', `Mã vừa được gửi. Vui lòng chờ ${seconds} giây rồi yêu cầu gửi lại.`, { retryAfterSeconds: seconds });
		}
	}
	const limit = await hitRateLimit(db, `code-send:${account.id}`, rateLimits.codeRequestsPerAccount, now);
	if (!limit.allowed) throw rateLimited(limit.retryAfterMs, 'Bạn đã yêu cầu gửi mã');

	const channel: Channel = requestedChannel === 'email' && account.email ? 'email' : 'sms';
	const to = channel === 'email' ? account.email! : account.phone;
	const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
	const id = uuidv7();
	const createdAt = isoNow(deps);
	const expiresAt = isoAfter(deps, CODE_TTL_MS);

	await db.transaction().execute(async (trx) => {
		// A newer code replaces the older ones: at most one live code per purpose.
		await trx
			.updateTable('one_time_codes')
			.set({ expires_at: createdAt })
			.where('account_id', '=', account.id)
			.where('purpose', '=', purpose)
			.where('used_at', 'is', null)
			.where('expires_at', '>', createdAt)
			.execute();
		await trx
			.insertInto('one_time_codes')
			.values({ id, account_id: account.id, purpose, code_hash: hashCode(id, code), channel, expires_at: expiresAt, created_at: createdAt })
			.execute();
	});

	const { subject, action } = messages[purpose];
	await deps.messenger.send({
		channel,
		to,
		subject,
		body: `Mã ${action} trên Dịch vụ công của bạn là ${code}. Mã có hiệu lực 10 phút. Không đưa mã này cho bất kỳ ai, kể cả người xưng là cán bộ.`
	});
	return { channel, sentTo: maskRecipient(to), expiresAt };
}

/** Checks a code and marks it used; throws an ApiError saying what to do otherwise. */
export async function consumeCode(
	deps: AccountDeps,
	accountId: string,
	purpose: CodePurpose,
	code: string,
	/** Runs once the code is right, before it is marked used: a refusal here leaves the code usable. */
	beforeUse?: () => void | Promise<void>
): Promise<void> {
	const { db } = deps;
	const now = isoNow(deps);
	const limit = await hitRateLimit(db, `code-check:${accountId}`, rateLimits.codeChecksPerAccount, nowOf(deps));
	if (!limit.allowed) throw rateLimited(limit.retryAfterMs, 'Bạn đã nhập mã');

	const row = await db
		.selectFrom('one_time_codes')
		.selectAll()
		.where('account_id', '=', accountId)
		.where('purpose', '=', purpose)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const askNew = 'Hãy bấm "Gửi lại mã" để nhận mã mới.';
	if (!row) throw new ApiError('code_invalid', `Mã xác nhận không đúng. ${askNew}`, { fields: { code: 'Mã xác nhận không đúng' } });
	if (row.used_at) throw new ApiError('code_used', `Mã này đã được dùng. ${askNew}`, { fields: { code: 'Mã này đã được dùng' } });
	if (row.expires_at <= now) throw new ApiError('code_expired', `Mã xác nhận đã hết hạn (sau 10 phút). ${askNew}`, { fields: { code: 'Mã đã hết hạn' } });

	// Count the try before comparing, atomically, so parallel guesses cannot exceed the cap.
	const counted = await db
		.updateTable('one_time_codes')
		.set((eb) => ({ attempts: eb('attempts', '+', 1) }))
		.where('id', '=', row.id)
		.where('attempts', '<', CODE_MAX_ATTEMPTS)
		.where('used_at', 'is', null)
		.returning('attempts')
		.executeTakeFirst();
	const tooMany = new ApiError('code_too_many_attempts', `Bạn đã nhập sai mã ${CODE_MAX_ATTEMPTS} lần. ${askNew}`, { fields: { code: 'Đã nhập sai quá số lần cho phép' } });
	if (!counted) throw tooMany;

	const expected = Buffer.from(row.code_hash, 'hex');
	const given = Buffer.from(hashCode(row.id, code.replace(/\s/g, '')), 'hex');
	if (!timingSafeEqual(expected, given)) {
		const left = CODE_MAX_ATTEMPTS - Number(counted.attempts);
		if (left <= 0) throw tooMany;
		throw new ApiError('code_invalid', `Mã xác nhận không đúng. Bạn còn ${left} lần thử.`, { fields: { code: `Mã không đúng, còn ${left} lần thử` } });
	}
	await beforeUse?.();
	const used = await db
		.updateTable('one_time_codes')
		.set({ used_at: now })
		.where('id', '=', row.id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	if (Number(used.numUpdatedRows) !== 1) throw new ApiError('code_used', `Mã này đã được dùng. ${askNew}`, { fields: { code: 'Mã này đã được dùng' } });
}

/**
 * A code asked for by ID number or phone, where the answer must not tell whether such an
 * account exists: sent when the account is `eligible`, per-account waits applied silently.
 * Only the per-address limit (`addressKey`) is reported, as it says nothing about any account.
 */
export async function issueCodeQuietly(
	deps: AccountDeps,
	input: { identifier: string; channel?: Channel; ip?: string },
	purpose: CodePurpose,
	limit: { addressKey: string; what: string },
	eligible: (account: AccountRow) => boolean
): Promise<void> {
	if (input.ip) {
		const hit = await hitRateLimit(deps.db, `${limit.addressKey}:${input.ip}`, rateLimits.codeRequestsPerIp, nowOf(deps));
		if (!hit.allowed) throw rateLimited(hit.retryAfterMs, limit.what);
	}
	const account = await findAccountByIdentifier(deps.db, input.identifier);
	if (!account || !eligible(account)) return;
	try {
		await issueCode(deps, account, purpose, input.channel);
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
	}
}

/** The one answer to a code checked by ID number or phone, whatever went wrong. */
export const wrongCodeByIdentifier = () =>
	new ApiError('code_invalid', 'Mã xác nhận không đúng hoặc đã hết hạn. Hãy kiểm tra lại số CCCD/số điện thoại và mã, hoặc yêu cầu gửi mã mới.', {
		fields: { code: 'Mã xác nhận không đúng hoặc đã hết hạn' }
	});

const CODE_FAILURES = new Set(['code_invalid', 'code_used', 'code_expired', 'code_too_many_attempts']);

/**
 * Checks a code for the account an ID number or phone names, answering alike whether that
 * account exists, is `eligible`, or the code is wrong, used, expired or out of tries (issue 12,
 * enumeration): the tries are counted per identifier typed and per address, so a missing
 * account is throttled exactly like a real one. `beforeUse` (e.g. the new password's rules
 * against the account's own numbers) only runs, and only answers, once the code is right.
 */
export async function consumeCodeByIdentifier(
	deps: AccountDeps,
	input: { identifier: string; code: string; ip?: string },
	purpose: CodePurpose,
	eligible: (account: AccountRow) => boolean,
	beforeUse?: (account: AccountRow) => void | Promise<void>
): Promise<AccountRow> {
	const now = nowOf(deps);
	if (input.ip) {
		const perAddress = await hitRateLimit(deps.db, `code-check:ip:${input.ip}`, rateLimits.codeChecksPerAddress, now);
		if (!perAddress.allowed) throw rateLimited(perAddress.retryAfterMs, 'Bạn đã nhập mã');
	}
	const typed = normalizeIdentifier(input.identifier)?.value ?? input.identifier.trim().toLowerCase();
	const perIdentifier = await hitRateLimit(deps.db, `code-check:id:${typed}`, rateLimits.codeChecksPerAccount, now);
	if (!perIdentifier.allowed) throw rateLimited(perIdentifier.retryAfterMs, 'Bạn đã nhập mã');
	const account = await findAccountByIdentifier(deps.db, input.identifier);
	if (!account || !eligible(account)) throw wrongCodeByIdentifier();
	try {
		await consumeCode(deps, account.id, purpose, input.code, beforeUse && (() => beforeUse(account)));
	} catch (error) {
		if (error instanceof ApiError && CODE_FAILURES.has(error.code)) throw wrongCodeByIdentifier();
		throw error;
	}
	return account;
}
