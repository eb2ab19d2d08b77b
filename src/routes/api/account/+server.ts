import { readOwnProfile, updateOwnProfile } from '$lib/server/accounts/profile-api';
import { serverContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => readOwnProfile(locals);

export const PATCH: RequestHandler = async ({ locals, request }) => {
	const { deps } = await serverContext();
	const body = await request.json().catch(() => null);
	return updateOwnProfile(deps, locals, body);
};
