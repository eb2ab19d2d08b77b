import { json } from '@sveltejs/kit';
import { catalogueApi } from '$lib/server/catalogue-api';

export function GET({ params }) {
	const { status, body } = catalogueApi.get(params.code);
	return json(body, { status });
}
