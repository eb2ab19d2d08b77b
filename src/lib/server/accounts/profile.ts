import { oneTimeCodeSchema, profileUpdateSchema, type ProfileUpdateInput } from '$lib/domain/account';
import type { AccountUpdate, Channel } from '../db/types';
import { consumeCode, issueCode, type IssuedCode } from './codes';
import { isoNow, type AccountDeps } from './deps';
import { ApiError, invalidInput } from '../http/api-error';
import { duplicateError, findDuplicates } from './register';
import { findAccountById, isUniqueViolation, toAccountView, type AccountView } from './store';

export interface ProfileUpdateResult {
	account: AccountView;
	/** Set when a new ID number waits for its 'change-id' code. */
	idNumberChange?: IssuedCode;
}

const notFound = () => new ApiError('not_found', 'Không tìm thấy tài khoản. Hãy đăng nhập lại.');

/**
 * Updates the profile. A new ID number is not applied at once: the account keeps
 * working under the old one, the new one is kept as `pendingIdNumber`, and a
 * 'change-id' code is sent; `confirmIdNumberChange` applies it.
 */
export async function updateProfile(
	deps: AccountDeps,
	accountId: string,
	input: ProfileUpdateInput,
	options: { channel?: Channel } = {}
): Promise<ProfileUpdateResult> {
	const parsed = profileUpdateSchema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	const account = await findAccountById(deps.db, accountId);
	if (!account) throw notFound();

	const newIdNumber = data.idNumber && data.idNumber !== account.id_number ? data.idNumber : undefined;
	const newPhone = data.phone && data.phone !== account.phone ? data.phone : undefined;
	const duplicates = await findDuplicates(deps, { idNumber: newIdNumber, phone: newPhone }, account.id);
	if (duplicates) throw duplicateError(duplicates);

	const changes: AccountUpdate = { updated_at: isoNow(deps) };
	if (data.fullName !== undefined) changes.full_name = data.fullName;
	if (data.dateOfBirth !== undefined) changes.date_of_birth = data.dateOfBirth;
	if (data.sex !== undefined) changes.sex = data.sex;
	if (newPhone) changes.phone = newPhone;
	if (data.email !== undefined) changes.email = data.email;
	if (data.permanentAddress !== undefined) changes.permanent_address = JSON.stringify(data.permanentAddress);
	if (newIdNumber) changes.pending_id_number = newIdNumber;
	else if (data.idNumber === account.id_number) changes.pending_id_number = null;

	try {
		await deps.db.updateTable('accounts').set(changes).where('id', '=', account.id).execute();
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		throw duplicateError((await findDuplicates(deps, { idNumber: newIdNumber, phone: newPhone }, account.id)) ?? {});
	}
	const updated = (await findAccountById(deps.db, account.id))!;
	const idNumberChange = newIdNumber ? await issueCode(deps, updated, 'change-id', options.channel) : undefined;
	return { account: toAccountView(updated), idNumberChange };
}

/** Applies the pending ID number once its code is confirmed. */
export async function confirmIdNumberChange(deps: AccountDeps, accountId: string, code: string): Promise<AccountView> {
	const parsedCode = oneTimeCodeSchema.safeParse(code);
	if (!parsedCode.success) throw invalidInput(parsedCode.error);
	const account = await findAccountById(deps.db, accountId);
	if (!account) throw notFound();
	if (!account.pending_id_number) {
		throw new ApiError('invalid_input', 'Không có yêu cầu đổi số CCCD nào đang chờ xác nhận.');
	}
	await consumeCode(deps, account.id, 'change-id', parsedCode.data);
	try {
		await deps.db
			.updateTable('accounts')
			.set({ id_number: account.pending_id_number, pending_id_number: null, updated_at: isoNow(deps) })
			.where('id', '=', account.id)
			.execute();
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		throw duplicateError({ idNumber: 'Số CCCD mới đã được dùng cho một tài khoản khác.' });
	}
	return toAccountView((await findAccountById(deps.db, account.id))!);
}
