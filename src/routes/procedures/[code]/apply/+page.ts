// Starts a new draft on the device (works offline) and opens it.
import { catalogueApi } from '$lib/client/api/catalogue';
import { accountDb } from '$lib/client/space/session.svelte';
import type { PageLoad } from './$types';

export const ssr = false;
export const prerender = false;

/**
 * Before the page renders: the device's databases start opening (on a new phone they are created,
 * ≈ 0.15 s on the 2G profile's CPU) and the procedure is asked for (the page's first answer has
 * named it), so both are ready or nearly when the page, once on screen, creates the draft.
 * Only reads: a link preloaded on a tap that does not become a visit leaves nothing behind.
 */
export const load: PageLoad = ({ params }) => {
	void accountDb().catch(() => {});
	void catalogueApi().getProcedure(params.code).catch(() => {});
	return {};
};
