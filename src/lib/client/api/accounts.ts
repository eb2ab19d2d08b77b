/** Accounts: who the session belongs to, and the person's own profile. */
import { accountAnswerSchema, sessionAnswerSchema, type SessionAccount } from '$lib/domain/wire/accounts';
import { createCall, data, defaultFetch, noStore } from './request';

export function accountsApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/session: who the cookie belongs to; null = nobody. A 503 is a failure, never "signed out". */
		session: (): Promise<SessionAccount | null> => data(call(sessionAnswerSchema, '/api/session', noStore)).then((a) => a.account),
		/** GET /api/account: the person's own profile. */
		account: () => data(call(accountAnswerSchema, '/api/account', noStore)).then((a) => a.account)
	};
}
