/**
 * What the dossier and upload routes run on in the real server: the configured database
 * (migrated once, on first use) and one tus handler per process. Tests build their own
 * deps and call the services directly.
 */
import { json } from '@sveltejs/kit';
import { serverContext } from '../context';
import type { Config } from '../config';
import { createUploadHandler, type UploadHandler } from '../blobs/uploads';
import { DossierError, unauthenticated } from './errors';
import type { DossierDeps } from './submit';

let ready: Promise<DossierDeps & { config: Config }> | undefined;
let uploads: Promise<UploadHandler> | undefined;

export function dossierDeps() {
	// The process-wide database (one pool, migrated once at start) shared with every route.
	ready ??= serverContext().then(({ database, config }) => ({ db: database.db, config }));
	return ready;
}

export function uploadHandler(): Promise<UploadHandler> {
	uploads ??= dossierDeps().then(({ db, config }) => createUploadHandler({ db, config }));
	return uploads;
}

/** The signed-in account that hooks.server.ts put on `locals`, or a 401 refusal. */
export function requireAccount(locals: unknown): string {
	const account = (locals as { account?: { id: string } | null }).account;
	if (!account) throw unauthenticated();
	return account.id;
}

export const accountIdOf = (locals: unknown): string | null => (locals as { account?: { id: string } | null }).account?.id ?? null;

/** Runs a route body, answering a DossierError as the API's JSON error. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof DossierError) return json(error.toJSON(), { status: error.status });
		throw error;
	}
}

/** The request body as JSON, or a 400 the person can act on. */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		throw new DossierError(400, 'invalid_request', 'Nội dung gửi lên không phải JSON hợp lệ; ứng dụng sẽ gửi lại.');
	}
}
