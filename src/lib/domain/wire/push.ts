/** Web push on the wire: the VAPID public key the browser subscribes with, and the subscription it hands back. */
import * as z from 'zod/mini';

const base64url = (what: string) => z.string().check(z.regex(/^[A-Za-z0-9_-]{16,200}={0,2}$/, `${what} không hợp lệ`));

/** POST /api/push/subscriptions (PushSubscription.toJSON()); DELETE takes `{ endpoint }`. */
export const pushSubscriptionSchema = z.object({
	endpoint: z.url({ protocol: /^https?$/, error: 'Địa chỉ nhận thông báo không hợp lệ' }).check(z.maxLength(1000)),
	keys: z.object({ p256dh: base64url('Khoá p256dh'), auth: base64url('Khoá auth') })
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushEndpointSchema = z.object({ endpoint: z.string().check(z.minLength(1), z.maxLength(1000)) });

/** GET /api/push/key: null when this server sends no push (production without VAPID keys). */
export const pushKeyAnswerSchema = z.object({ publicKey: z.nullable(z.string()) });

/** What a push carries to the service worker (also what it shows). */
export const pushMessageSchema = z.object({
	title: z.string(),
	body: z.string(),
	url: z.string(),
	dossierId: z.string(),
	tag: z.string()
});
export type PushPayload = z.infer<typeof pushMessageSchema>;
