/**
 * The signed-in person's own profile as JSON (GET/PATCH /api/account). There is deliberately
 * no account id in the URL or the body: the only profile reachable is the session's, so one
 * citizen can never name another's.
 */
import { json } from '@sveltejs/kit';
import { editableAccountKeys } from '$lib/domain/wire/accounts';
import { ApiError, unauthenticated } from '../http/api-error';
import { respond } from '../http/respond';
import type { AccountDeps } from './deps';
import { updateProfile } from './profile';
import type { AccountView } from './store';

export const UNAUTHENTICATED = 'Bạn cần đăng nhập để xem và sửa thông tin tài khoản.';

type Locals = { account: AccountView | null };

export function readOwnProfile(locals: Locals): Promise<Response> {
	return respond(() => {
		if (!locals.account) throw unauthenticated(UNAUTHENTICATED);
		return json({ account: locals.account });
	});
}

export function updateOwnProfile(deps: AccountDeps, locals: Locals, body: unknown): Promise<Response> {
	return respond(async () => {
		if (!locals.account) throw unauthenticated(UNAUTHENTICATED);
		if (!body || typeof body !== 'object') throw new ApiError('invalid_input', 'Nội dung gửi lên phải là một đối tượng JSON.');
		// Only the editable fields are read; an `id` or `role` in the body is ignored.
		const input = Object.fromEntries(editableAccountKeys.filter((k) => k in body).map((k) => [k, (body as Record<string, unknown>)[k]]));
		const result = await updateProfile(deps, locals.account.id, input);
		return json({ account: result.account, idNumberChange: result.idNumberChange ?? null });
	});
}
