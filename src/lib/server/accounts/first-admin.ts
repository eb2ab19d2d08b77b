/**
 * The first administrator of a new deployment (issue 12, defect 12): production seeds no demo
 * accounts, and only an administrator can create officers, so someone with the server's
 * environment runs `npm run create-admin -- …` (scripts/create-admin.js). Refused once an
 * active administrator exists: further ones are made on /admin/officers.
 */
import { staffAccountSchema } from '$lib/domain/account';
import { getConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db';
import { ApiError, invalidInput } from '../http/api-error';
import type { AccountDeps } from './deps';
import { checkNewPassword } from './password-rules';
import { generateTemporaryPassword } from './passwords';
import { duplicateError, findDuplicates } from './register';
import { insertStaff } from './staff';
import { toAccountView } from './store';

const firstAdminSchema = staffAccountSchema.omit({ role: true, agencyCode: true });

export async function createFirstAdmin(
	deps: Pick<AccountDeps, 'db' | 'now' | 'passwordParams'>,
	input: { fullName: string; idNumber: string; phone: string; email?: string; password?: string }
) {
	const existing = await deps.db.selectFrom('accounts').select('id').where('role', '=', 'admin').where('status', '=', 'active').executeTakeFirst();
	if (existing) throw new ApiError('forbidden', 'Đã có quản trị viên: hãy đăng nhập bằng tài khoản đó và tạo thêm ở /admin/officers.');
	const parsed = firstAdminSchema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	if (data.password) {
		const problem = checkNewPassword(data.password, data);
		if (problem) throw new ApiError('invalid_input', problem, { fields: { password: problem } });
	}
	const duplicates = await findDuplicates(deps as AccountDeps, data);
	if (duplicates) throw duplicateError(duplicates);
	const password = data.password ?? generateTemporaryPassword();
	const row = await insertStaff(deps as AccountDeps, { ...data, role: 'admin', agencyCode: null, password });
	return { account: toAccountView(row), temporaryPassword: data.password ? undefined : password };
}

/** `npm run create-admin -- --name "…" --id-number … --phone …`: on the database the environment names. */
export async function createAdminCommand(args: Record<string, string | undefined>): Promise<string> {
	const config = getConfig();
	const database = openDatabase(config);
	try {
		await migrateToLatest(database.db);
		const { account, temporaryPassword } = await createFirstAdmin({ db: database.db }, {
			fullName: args.name ?? '',
			idNumber: args['id-number'] ?? '',
			phone: args.phone ?? '',
			email: args.email
		});
		return `Đã tạo quản trị viên ${account.fullName} (${account.idNumber}). Mật khẩu tạm thời, chỉ hiện một lần: ${temporaryPassword}\nĐăng nhập tại ${config.origin ?? 'ORIGIN'}/signin và đổi mật khẩu ngay.`;
	} finally {
		await database.close();
	}
}
