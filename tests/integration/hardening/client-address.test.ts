/**
 * Issue 12, defect 5, behind a proxy: with `ADDRESS_HEADER` and `XFF_DEPTH` (README, Security)
 * the per-address sign-in limit counts each citizen's own address, not the proxy's, so one
 * guesser behind the load balancer does not shut out everyone else. Over real HTTP against
 * the production build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '$lib/server/accounts';
import { rateLimits } from '$lib/server/rate-limit';
import { Browser, startBuiltServer, type BuiltServer } from '../access/built-server';

let server: BuiltServer;
const demo = DEMO_ACCOUNTS.find((a) => a.role === 'citizen')!;

beforeAll(async () => {
	server = await startBuiltServer({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' });
}, 60_000);
afterAll(async () => server?.stop());

function signInFrom(address: string, identifier: string, password: string) {
	const browser = new Browser(server.origin);
	return browser.request('/signin', {
		method: 'POST',
		headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
		body: new URLSearchParams({ identifier, password }).toString()
	});
}

describe('the client address behind a proxy', () => {
	it('limits the guessing address, not the people behind the same proxy', async () => {
		const guesser = '198.51.100.7';
		for (let i = 0; i < rateLimits.signInFailuresPerAddress.limit; i++) {
			const answer = await signInFrom(guesser, `0010990${String(i).padStart(5, '0')}`, 'not-the-password');
			expect(answer.status).not.toBe(429);
		}
		expect((await signInFrom(guesser, demo.idNumber, demo.password)).status).toBe(429);
		// Another citizen arriving through the same proxy (the one TCP peer) signs in.
		const other = await signInFrom('198.51.100.8', demo.idNumber, demo.password);
		expect(other.status).toBe(303);
	}, 120_000);
});
