import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { uploadOfficerFile } from '$lib/server/workflow/files';
import type { RequestHandler } from './$types';

/** A result file's raw bytes (?name=…) → `{ sha256, name, size, type }`, to reference in the `finish` action. */
export const POST: RequestHandler = ({ locals, params, request, url }) =>
	respond(async () => {
		const officer = requireStaff(locals.account);
		const { db, config } = await dossierDeps();
		const file = await uploadOfficerFile({ db, dataDir: config.dataDir, maxFileBytes: config.upload.maxFileBytes }, officer, params.id, new Uint8Array(await request.arrayBuffer()), url.searchParams.get('name'));
		return json(file, { status: 201 });
	});
