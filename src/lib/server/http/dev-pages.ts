/**
 * Development pages (`/dev/*`: mailbox, demo accounts, payment sandbox; `/api/dev/*`: upload
 * statistics, demo accounts) show every account's codes, passwords and uploads. Besides
 * `DEV_PAGES` (always off in production) they answer only to a loopback client, as if they
 * did not exist otherwise (issue 12, defect 12): a development server reachable from the
 * office network or a phone on the same Wi-Fi does not hand its mailbox to everyone there.
 *
 * The address is SvelteKit's `getClientAddress()`: the TCP peer, or behind a proxy the
 * entry of `ADDRESS_HEADER` chosen by `XFF_DEPTH` (README, Security), which a client cannot
 * forge because the proxy appends the address it saw.
 */
import { json } from '@sveltejs/kit';
import { errorEnvelope } from '$lib/domain/wire/errors';

export const isDevPath = (pathname: string) => pathname === '/dev' || pathname.startsWith('/dev/') || pathname === '/api/dev' || pathname.startsWith('/api/dev/');

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string): boolean {
	const plain = address.replace(/^::ffff:/i, '');
	return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

const NOT_FOUND = 'Không tìm thấy trang này.';

/** A 404 for a development page asked from elsewhere than this machine, or null. */
export function refuseRemoteDevPage(pathname: string, clientAddress: () => string): Response | null {
	if (!isDevPath(pathname)) return null;
	let address = '';
	try {
		address = clientAddress();
	} catch {
		// No address known (a header missing behind a misconfigured proxy): not loopback.
	}
	if (isLoopbackAddress(address)) return null;
	const headers = { 'cache-control': 'no-store' };
	if (pathname.startsWith('/api/')) return json(errorEnvelope('not_found', NOT_FOUND), { status: 404, headers });
	return new Response(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>${NOT_FOUND}</title><h1>${NOT_FOUND}</h1></html>`, {
		status: 404,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}
