import { error } from '@sveltejs/kit';
import { ApiFailure, catalogueApi } from '$lib/client/api/catalogue';

// Prerendered for every catalogue entry (svelte.config.js) and precached by the service
// worker; an unknown code is still answered at run time with a Vietnamese 404.
export const prerender = 'auto';

export async function load({ params, fetch }) {
	try {
		return { procedure: await catalogueApi(fetch).getProcedure(params.code) };
	} catch (e) {
		if (e instanceof ApiFailure && e.kind === 'http') error(e.status, e.message);
		error(503, 'Không tải được thủ tục khi đang mất mạng. Hãy mở lại khi có mạng.');
	}
}
