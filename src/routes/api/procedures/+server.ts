import { json } from '@sveltejs/kit';
import { catalogueApi } from '$lib/server/catalogue-api';

export function GET({ url }) {
	const { status, body } = catalogueApi.list(url.searchParams);
	return json(body, { status });
}
