import { error } from '@sveltejs/kit';
import type { Procedure } from '$lib/domain/procedure';

// Prerendered for every catalogue entry (svelte.config.js) and precached by the service
// worker; an unknown code is still answered at run time with a Vietnamese 404.
export const prerender = 'auto';

export async function load({ params, fetch }) {
	let res: Response;
	try {
		res = await fetch(`/api/procedures/${encodeURIComponent(params.code)}`);
	} catch {
		error(503, 'Không tải được thủ tục khi đang mất mạng. Hãy mở lại khi có mạng.');
	}
	const body = await res.json();
	if (!res.ok) error(res.status, body?.error?.message ?? 'Không tải được thủ tục.');
	return { procedure: body as Procedure };
}
