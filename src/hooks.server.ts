import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { serverContext } from '$lib/server/context';
import { getSession } from '$lib/server/accounts/sessions';
import { SESSION_COOKIE } from '$lib/server/session-cookie';

// Prerendering at build time runs these hooks too: it must not open (and create) the data
// folder or the database; only the running server touches them.
export const init: ServerInit = async () => {
	if (building) return;
	const { config } = await serverContext();
	if (config.env === 'development') {
		const { seedDevelopment } = await import('$lib/server/seed');
		await seedDevelopment();
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	if (building) return resolve(event);
	const ctx = await serverContext();
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await getSession(ctx.deps, token).catch(() => null) : null;
	event.locals.account = session?.account ?? null;
	event.locals.sessionToken = session ? token! : null;

	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	// Personal pages and API answers must not be kept by shared caches or the back/forward cache of a shared phone.
	if (event.url.pathname.startsWith('/api/') && !event.url.pathname.startsWith('/api/procedures'))
		response.headers.set('cache-control', 'no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return {
		message: status === 404 ? 'Không tìm thấy trang này.' : 'Đã có lỗi ở máy chủ. Những gì bạn đã nhập vẫn được giữ trên máy; hãy thử lại sau ít phút.',
		code: status === 404 ? 'not_found' : 'server_error'
	};
};
