import { json } from '@sveltejs/kit';
import { serverContext } from '$lib/server/context';
import { respond } from '$lib/server/http/respond';
import { resolveVapidKeys } from '$lib/server/notifications/vapid';
import type { RequestHandler } from './$types';

/** The VAPID public key a browser subscribes with (null: this server sends no push). */
export const GET: RequestHandler = () =>
	respond(async () => {
		const { config } = await serverContext();
		return json({ publicKey: resolveVapidKeys(config)?.publicKey ?? null });
	});
