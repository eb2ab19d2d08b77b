import { error } from '@sveltejs/kit';

// The compact administrative-unit files (data/units), built with the app and cached by the
// service worker: "current" (2025 units) is precached, "legacy" (pre-2025 + mapping) is
// fetched only when someone says they have an old address.
export const prerender = true;

const files = import.meta.glob('/data/units/*.json', { eager: true, query: '?raw', import: 'default' });

export function entries() {
	return Object.keys(files).map((p) => ({ set: p.split('/').pop()!.replace(/\.json$/, '') }));
}

export function GET({ params }) {
	const body = files[`/data/units/${params.set}.json`] as string | undefined;
	if (body === undefined) error(404, 'Không có dữ liệu đơn vị hành chính này.');
	return new Response(body, { headers: { 'content-type': 'application/json' } });
}
