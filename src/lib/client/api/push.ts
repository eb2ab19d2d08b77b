/** Web push: the server's VAPID key and this browser's subscription for the signed-in account. */
import { pushKeyAnswerSchema, type PushSubscriptionInput } from '$lib/domain/wire/push';
import * as z from 'zod/mini';
import { createCall, data, defaultFetch, noStore, send } from './request';

const okSchema = z.object({ ok: z.literal(true) });

export function pushApi(fetcher: typeof fetch = defaultFetch) {
	const call = createCall(fetcher);
	return {
		/** GET /api/push/key: null when this server sends no push. */
		publicKey: () => data(call(pushKeyAnswerSchema, '/api/push/key', noStore)).then((a) => a.publicKey),
		/** POST /api/push/subscriptions */
		subscribe: (subscription: PushSubscriptionInput) => data(call(okSchema, '/api/push/subscriptions', send('POST', subscription))),
		/** DELETE /api/push/subscriptions */
		unsubscribe: (endpoint: string) => data(call(okSchema, '/api/push/subscriptions', send('DELETE', { endpoint })))
	};
}
