import { json } from '@sveltejs/kit';
import { procedures } from '$lib/server/catalogue';

// Built once with the app and precached by the service worker: the offline catalogue.
export const prerender = true;

export function GET() {
	return json({ procedures });
}
