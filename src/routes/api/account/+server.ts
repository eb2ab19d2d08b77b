import { serverContext } from '$lib/server/context';
import { readOwnProfile, updateOwnProfile } from './handlers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => readOwnProfile(locals);

export const PATCH: RequestHandler = async ({ locals, request }) => {
	const { deps } = await serverContext();
	const body = await request.json().catch(() => null);
	return updateOwnProfile(deps, locals, body);
};
