/**
 * Opting in to notifications about one's dossiers, from a tap (browsers refuse a permission
 * prompt nobody asked for). On an iPhone or iPad only an app added to the home screen may
 * subscribe (Safari 16.4+), so there the person is told to install it first.
 */
import { pushSubscriptionSchema } from '$lib/domain/wire/push';
import { pushApi } from './api/push';

export type PushState = 'unsupported' | 'install-first' | 'denied' | 'off' | 'on' | 'server-off';

const isAppleMobile = () => /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
const installed = () => matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	return 'serviceWorker' in navigator ? navigator.serviceWorker.ready : undefined;
}

export async function pushState(): Promise<PushState> {
	if (isAppleMobile() && !installed()) return 'install-first';
	if (!('PushManager' in window) || !('Notification' in window) || !('serviceWorker' in navigator)) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	const reg = await registration();
	return (await reg?.pushManager.getSubscription()) ? 'on' : 'off';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
	return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Asks the browser (this is the tap), subscribes, and tells the server. */
export async function turnPushOn(api = pushApi()): Promise<PushState> {
	const key = await api.publicKey();
	if (!key) return 'server-off';
	if ((await Notification.requestPermission()) !== 'granted') return 'denied';
	const reg = await registration();
	if (!reg) return 'unsupported';
	const subscription = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }));
	await api.subscribe(pushSubscriptionSchema.parse(subscription.toJSON()));
	return 'on';
}

export async function turnPushOff(api = pushApi()): Promise<PushState> {
	const subscription = await (await registration())?.pushManager.getSubscription();
	if (subscription) {
		await api.unsubscribe(subscription.endpoint).catch(() => undefined);
		await subscription.unsubscribe();
	}
	return 'off';
}
