/**
 * Web push (the `web-push` library: VAPID signing and payload encryption). Every push is a
 * visible notification (the service worker always shows one; browsers revoke a permission
 * used silently). A subscription the push service answers 404/410 for is gone for good.
 */
import webpush from 'web-push';

export interface PushTarget {
	endpoint: string;
	p256dh: string;
	auth: string;
}

export interface PushMessage {
	title: string;
	body: string;
	url: string;
	dossierId: string;
	/** One notification per dossier on the phone: a newer step replaces the older one. */
	tag: string;
}

export type PushOutcome = 'sent' | 'gone';

export interface PushSender {
	send(target: PushTarget, message: PushMessage): Promise<PushOutcome>;
}

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	subject: string;
}

export class PushFailure extends Error {
	constructor(readonly statusCode: number, message: string) {
		super(message);
		this.name = 'PushFailure';
	}
}

export function createWebPushSender(keys: VapidKeys): PushSender {
	return {
		async send(target, message) {
			try {
				await webpush.sendNotification(
					{ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
					JSON.stringify(message),
					{ vapidDetails: keys, TTL: 24 * 60 * 60, urgency: 'normal', timeout: 15_000 }
				);
				return 'sent';
			} catch (error) {
				const status = (error as { statusCode?: number }).statusCode;
				if (status === 404 || status === 410) return 'gone';
				throw new PushFailure(status ?? 0, (error as Error).message);
			}
		}
	};
}
