/**
 * The signed-in person's own profile as JSON. There is deliberately no account id in the
 * URL or the body: the only profile reachable is the session's, so one citizen can
 * never name another's. Kept apart from +server.ts so tests can pass their own deps.
 */
import { json } from '@sveltejs/kit';
import { updateProfile, type AccountDeps, type AccountView } from '$lib/server/accounts';
import { jsonError } from '$lib/server/http';

export const UNAUTHENTICATED = 'Bạn cần đăng nhập để xem và sửa thông tin tài khoản.';

type Locals = { account: AccountView | null };

export function readOwnProfile(locals: Locals): Response {
	if (!locals.account) return jsonError(401, 'unauthenticated', UNAUTHENTICATED);
	return json({ account: locals.account });
}

const EDITABLE = ['fullName', 'idNumber', 'dateOfBirth', 'sex', 'phone', 'email', 'permanentAddress'] as const;

export async function updateOwnProfile(deps: AccountDeps, locals: Locals, body: unknown): Promise<Response> {
	if (!locals.account) return jsonError(401, 'unauthenticated', UNAUTHENTICATED);
	if (!body || typeof body !== 'object') return jsonError(400, 'invalid-input', 'Nội dung gửi lên phải là một đối tượng JSON.');
	// Only the editable fields are read; an `id` or `role` in the body is ignored.
	const input = Object.fromEntries(EDITABLE.filter((k) => k in body).map((k) => [k, (body as Record<string, unknown>)[k]]));
	try {
		const result = await updateProfile(deps, locals.account.id, input);
		return json({ account: result.account, idNumberChange: result.idNumberChange ?? null });
	} catch (error) {
		const e = error as { name?: string; code: string; message: string; fields?: Record<string, string> };
		if (e?.name !== 'AccountError') throw error;
		return jsonError(e.code === 'duplicate' ? 409 : 400, e.code, e.message, e.fields);
	}
}
