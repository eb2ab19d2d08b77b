import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { respond } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/officer/access';
import { officerInbox } from '$lib/server/workflow/inbox';
import type { RequestHandler } from './$types';

/** The officer's inbox: ?status=&q=&page= (see OfficerInbox in domain/wire/workflow.ts). */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const officer = requireStaff(locals.account);
		const { db } = await dossierDeps();
		return json(await officerInbox(db, officer, url.searchParams));
	});
