import { json } from '@sveltejs/kit';
import { pushEndpointSchema, pushSubscriptionSchema } from '$lib/domain/wire/push';
import { dossierDeps } from '$lib/server/context';
import { readJson, requireAccount, respond } from '$lib/server/http/respond';
import { removeSubscription, saveSubscription } from '$lib/server/notifications/subscriptions';
import type { RequestHandler } from './$types';

/** This browser receives the signed-in account's notifications. */
export const POST: RequestHandler = ({ request, locals }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const sub = await readJson(request, pushSubscriptionSchema);
		const { db } = await dossierDeps();
		await saveSubscription(db, accountId, sub);
		return json({ ok: true }, { status: 201 });
	});

/** No more notifications to this browser. */
export const DELETE: RequestHandler = ({ request, locals }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { endpoint } = await readJson(request, pushEndpointSchema);
		const { db } = await dossierDeps();
		await removeSubscription(db, accountId, endpoint);
		return json({ ok: true });
	});
