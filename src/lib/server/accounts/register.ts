import { randomUUID } from 'node:crypto';
import { oneTimeCodeSchema, registrationSchema, type RegistrationInput } from '$lib/domain/account';
import type { AccountRow, Channel } from '../db/types';
import { hitRateLimit, rateLimits } from '../rate-limit';
import { consumeCode, consumeCodeByIdentifier, issueCode, issueCodeQuietly, type IssuedCode } from './codes';
import { isoNow, nowOf, type AccountDeps } from './deps';
import { ApiError, invalidInput, rateLimited } from '../http/api-error';
import { checkNewPassword } from './password-rules';
import { hashPassword } from './passwords';
import { findAccountById, findAccountByIdentifier, isUniqueViolation } from './store';

export const DUPLICATE_ID_NUMBER = 'Số CCCD này đã được dùng để đăng ký tài khoản. Hãy đăng nhập, hoặc chọn "Quên mật khẩu" nếu bạn không nhớ mật khẩu.';
export const DUPLICATE_PHONE = 'Số điện thoại này đã được dùng cho một tài khoản khác. Hãy dùng số khác, hoặc đăng nhập bằng số này.';

/** Field errors for an ID number / phone already taken by another account. */
export async function findDuplicates(
	deps: AccountDeps,
	values: { idNumber?: string; phone?: string },
	exceptAccountId?: string
): Promise<Record<string, string> | null> {
	const conditions = [values.idNumber, values.phone].filter(Boolean);
	if (!conditions.length) return null;
	let query = deps.db
		.selectFrom('accounts')
		.select(['id_number', 'pending_id_number', 'phone'])
		.where((eb) =>
			eb.or([
				...(values.idNumber ? [eb('id_number', '=', values.idNumber), eb('pending_id_number', '=', values.idNumber)] : []),
				...(values.phone ? [eb('phone', '=', values.phone)] : [])
			])
		);
	if (exceptAccountId) query = query.where('id', '!=', exceptAccountId);
	const rows = await query.execute();
	const fields: Record<string, string> = {};
	for (const row of rows) {
		if (values.idNumber && (row.id_number === values.idNumber || row.pending_id_number === values.idNumber)) fields.idNumber = DUPLICATE_ID_NUMBER;
		if (values.phone && row.phone === values.phone) fields.phone = DUPLICATE_PHONE;
	}
	return Object.keys(fields).length ? fields : null;
}

export function duplicateError(fields: Record<string, string>): ApiError {
	return new ApiError('duplicate', Object.values(fields)[0], { fields: fields });
}

export interface RegistrationResult extends IssuedCode {
	accountId: string;
}

/** Creates a pending citizen account and sends its activation code. */
export async function register(
	deps: AccountDeps,
	input: RegistrationInput,
	context: { ip?: string } = {}
): Promise<RegistrationResult> {
	const parsed = registrationSchema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	const passwordProblem = checkNewPassword(data.password, data);
	if (passwordProblem) throw new ApiError('invalid_input', passwordProblem, { fields: { password: passwordProblem } });

	if (context.ip) {
		const limit = await hitRateLimit(deps.db, `register:ip:${context.ip}`, rateLimits.codeRequestsPerIp, nowOf(deps));
		if (!limit.allowed) throw rateLimited(limit.retryAfterMs, 'Thiết bị này đã đăng ký');
	}
	const duplicates = await findDuplicates(deps, data);
	if (duplicates) throw duplicateError(duplicates);

	const now = isoNow(deps);
	const account: AccountRow = {
		id: randomUUID(),
		role: 'citizen',
		agency_code: null,
		full_name: data.fullName,
		id_number: data.idNumber,
		pending_id_number: null,
		date_of_birth: data.dateOfBirth,
		sex: data.sex,
		phone: data.phone,
		email: data.email ?? null,
		permanent_address: JSON.stringify(data.permanentAddress),
		password_hash: await hashPassword(data.password, deps.passwordParams),
		status: 'pending',
		created_at: now,
		updated_at: now
	};
	try {
		await deps.db.insertInto('accounts').values(account).execute();
	} catch (error) {
		// Two registrations raced past the check above: report it like the check would.
		if (!isUniqueViolation(error)) throw error;
		throw duplicateError((await findDuplicates(deps, data)) ?? { idNumber: DUPLICATE_ID_NUMBER });
	}
	const issued = await issueCode(deps, account, 'activate', data.channel);
	return { accountId: account.id, ...issued };
}

/** Which account a code is for: the id the registration returned, or an ID number/phone. */
export type AccountTarget = { accountId: string } | { identifier: string };

async function resolveTarget(deps: AccountDeps, target: AccountTarget) {
	return 'accountId' in target
		? findAccountById(deps.db, target.accountId)
		: findAccountByIdentifier(deps.db, target.identifier);
}

const noPendingAccount = () =>
	new ApiError('not_found', 'Không tìm thấy tài khoản đang chờ kích hoạt với thông tin này. Hãy kiểm tra lại số CCCD hoặc số điện thoại.');

/** Checks the activation code and makes the account active. */
export async function activate(deps: AccountDeps, target: AccountTarget, code: string, context: { ip?: string } = {}): Promise<{ accountId: string }> {
	const parsedCode = oneTimeCodeSchema.safeParse(code);
	if (!parsedCode.success) throw invalidInput(parsedCode.error);
	let account;
	if ('identifier' in target) {
		// Typed ID number or phone: one answer whether or not a pending account exists.
		account = await consumeCodeByIdentifier(deps, { identifier: target.identifier, code: parsedCode.data, ip: context.ip }, 'activate', (a) => a.status === 'pending');
	} else {
		account = await findAccountById(deps.db, target.accountId);
		if (!account) throw noPendingAccount();
		await consumeCode(deps, account.id, 'activate', parsedCode.data);
	}
	await deps.db
		.updateTable('accounts')
		.set({ status: 'active', updated_at: isoNow(deps) })
		.where('id', '=', account.id)
		.where('status', '=', 'pending')
		.execute();
	return { accountId: account.id };
}

/** Sends a fresh activation code (throttled: 60 s apart, 5 an hour). */
export async function resendActivationCode(
	deps: AccountDeps,
	target: AccountTarget,
	channel?: Channel
): Promise<IssuedCode> {
	const account = await resolveTarget(deps, target);
	if (!account) throw noPendingAccount();
	if (account.status !== 'pending') {
		throw new ApiError('invalid_input', 'Tài khoản này đã được kích hoạt. Hãy đăng nhập.');
	}
	return issueCode(deps, account, 'activate', channel);
}

export const ACTIVATION_RESENT =
	'Nếu số này có tài khoản đang chờ kích hoạt, mã mới đã được gửi tới số điện thoại (hoặc e-mail) đã đăng ký. Mã có hiệu lực 10 phút; nếu không nhận được, hãy chờ 1 phút rồi yêu cầu lại.';

/** A new activation code asked for by ID number or phone (no registration cookie): the same answer whether the account is pending, active or missing. */
export async function resendActivationByIdentifier(
	deps: AccountDeps,
	input: { identifier: string; channel?: Channel; ip?: string }
): Promise<{ message: string }> {
	await issueCodeQuietly(deps, input, 'activate', { addressKey: 'resend:ip', what: 'Thiết bị này đã yêu cầu gửi mã' }, (account) => account.status === 'pending');
	return { message: ACTIVATION_RESENT };
}
