import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { listPapers } from '$lib/server/documents/papers';
import { requireAccount, respond } from '$lib/server/http/respond';
import type { RequestHandler } from './$types';

/** The signed-in account's verified and issued papers (fee receipts included: issued at settlement, see payments/receipt-paper.ts); `?procedure=1.001193` adds the slots they fill. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db } = await dossierDeps();
		return json(await listPapers(db, accountId, new Date(), url.searchParams.get('procedure')), { headers: { 'cache-control': 'private, no-store' } });
	});
