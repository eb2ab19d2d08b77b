import { json } from '@sveltejs/kit';
import { respond } from '$lib/server/http/respond';
import { postalTariff } from '$lib/server/postal-tariff';
import type { RequestHandler } from './$types';

/** The postal tariff this deployment charges a result sent by post (public: shown before a person chooses post). */
export const GET: RequestHandler = () => respond(async () => json(postalTariff(), { headers: { 'cache-control': 'public, max-age=3600' } }));
