import { randomUUID } from 'node:crypto';
import { staffAccountSchema, type StaffAccountInput } from '$lib/domain/account';
import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../db/types';
import { isoNow, type AccountDeps } from './deps';
import { ApiError, invalidInput } from '../http/api-error';
import { checkNewPassword } from './password-rules';
import { generateTemporaryPassword, hashPassword } from './passwords';
import { duplicateError, findDuplicates } from './register';
import { findAccountById, isUniqueViolation, toAccountView, type AccountView } from './store';

export interface StaffAccountResult {
	account: AccountView;
	/** Present when the server chose the password; show it once to the administrator. */
	temporaryPassword?: string;
}

/** Creates an officer or administrator account. Only an active administrator may. */
export async function createOfficer(
	deps: AccountDeps,
	adminAccountId: string,
	input: StaffAccountInput
): Promise<StaffAccountResult> {
	const admin = await findAccountById(deps.db, adminAccountId);
	if (!admin || admin.role !== 'admin' || admin.status !== 'active') {
		throw new ApiError('forbidden', 'Chỉ quản trị viên mới được tạo tài khoản cán bộ.');
	}
	const parsed = staffAccountSchema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	const agency = await deps.db.selectFrom('agencies').select('code').where('code', '=', data.agencyCode).executeTakeFirst();
	if (!agency) {
		const message = `Không có cơ quan mã ${data.agencyCode}. Hãy chọn cơ quan trong danh sách.`;
		throw new ApiError('invalid_input', message, { fields: { agencyCode: message } });
	}
	if (data.password) {
		const problem = checkNewPassword(data.password, data);
		if (problem) throw new ApiError('invalid_input', problem, { fields: { password: problem } });
	}
	const duplicates = await findDuplicates(deps, data);
	if (duplicates) throw duplicateError(duplicates);

	const password = data.password ?? generateTemporaryPassword();
	const row = await insertStaff(deps, { ...data, password });
	return { account: toAccountView(row), temporaryPassword: data.password ? undefined : password };
}

async function insertStaff(
	deps: AccountDeps,
	data: { role: 'officer' | 'admin'; agencyCode: string | null; fullName: string; idNumber: string; phone: string; email?: string; password: string }
): Promise<AccountRow> {
	const now = isoNow(deps);
	const row: AccountRow = {
		id: randomUUID(),
		role: data.role,
		agency_code: data.agencyCode,
		full_name: data.fullName,
		id_number: data.idNumber,
		pending_id_number: null,
		date_of_birth: null,
		sex: null,
		phone: data.phone,
		email: data.email ?? null,
		permanent_address: null,
		password_hash: await hashPassword(data.password, deps.passwordParams),
		status: 'active',
		created_at: now,
		updated_at: now
	};
	try {
		await deps.db.insertInto('accounts').values(row).execute();
	} catch (error) {
		if (!isUniqueViolation(error)) throw error;
		throw duplicateError((await findDuplicates(deps, data)) ?? {});
	}
	return row;
}

export { insertStaff };

/** The newest staff accounts, for the administrator's list. */
export async function listStaff(db: Kysely<Database>, limit = 200) {
	return db
		.selectFrom('accounts')
		.select(['full_name', 'phone', 'role', 'agency_code'])
		.where('role', 'in', ['officer', 'admin'])
		.orderBy('created_at', 'desc')
		.limit(limit)
		.execute();
}
