// tus 1.0 resumable uploads (creation, HEAD for the offset, PATCH for the bytes, DELETE to
// abandon); see $lib/server/blobs/uploads.ts. Errors use the API's envelope with tus headers.
import { uploadHandler } from '$lib/server/context';
import { accountIdOf } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

const tus: RequestHandler = async ({ request, locals }) => (await uploadHandler()).handle(request, accountIdOf(locals));

export const POST = tus;
export const HEAD = tus;
export const PATCH = tus;
export const DELETE = tus;
export const OPTIONS = tus;
