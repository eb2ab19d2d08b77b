import { json } from '@sveltejs/kit';
import { dossierDeps } from '$lib/server/context';
import { listPapers } from '$lib/server/documents/papers';
import { requireAccount, respond } from '$lib/server/http/respond';
import { issueMissingReceipts } from '$lib/server/payments/receipt-paper';
import type { RequestHandler } from './$types';

/** The signed-in account's verified and issued papers; `?procedure=1.001193` adds the slots they fill. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond(async () => {
		const accountId = requireAccount(locals);
		const { db, config } = await dossierDeps();
		// A fee paid since the last look has its e-receipt issued now, so the list carries it.
		await issueMissingReceipts({ db, dataDir: config.dataDir }, accountId);
		return json(await listPapers(db, accountId, new Date(), url.searchParams.get('procedure')), { headers: { 'cache-control': 'private, no-store' } });
	});
