/**
 * Who is asking, for hooks.server.ts: the session behind the cookie, or a 503 when the
 * database cannot be read. A storage failure is never taken for "signed out": answering
 * `account: null` or 401 would pause the person's outbox and ask them to sign in again,
 * which cannot work either while the disk is full.
 */
import { json } from '@sveltejs/kit';
import { getSession, type SessionInfo } from '../accounts/sessions';
import type { AccountDeps } from '../accounts/deps';
import { errorEnvelope } from '$lib/domain/wire/errors';
import { isStorageError, STORAGE_MESSAGE } from './respond';

export type RequestSession = { session: SessionInfo | null } | { unavailable: Response };

export async function sessionOfRequest(deps: AccountDeps, token: string | undefined, pathname: string): Promise<RequestSession> {
	if (!token) return { session: null };
	try {
		return { session: await getSession(deps, token) };
	} catch (error) {
		if (!isStorageError(error)) throw error;
		console.error('Session lookup failed, storage unavailable:', error);
		return { unavailable: storageUnavailable(pathname) };
	}
}

/** 503 with Retry-After: the API's envelope for /api/, a short Vietnamese page otherwise. */
export function storageUnavailable(pathname: string): Response {
	const headers = { 'retry-after': '30', 'cache-control': 'no-store' };
	if (pathname.startsWith('/api/')) return json(errorEnvelope('storage_unavailable', STORAGE_MESSAGE), { status: 503, headers });
	const page = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tạm thời gián đoạn – Dịch vụ công</title><h1>Máy chủ tạm thời gián đoạn</h1><p>${STORAGE_MESSAGE}</p><p>Bạn vẫn đang đăng nhập; không cần đăng nhập lại.</p><p><a href="">Thử lại</a></p></html>`;
	return new Response(page, { status: 503, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
