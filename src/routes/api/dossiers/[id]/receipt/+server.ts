import { dossierDeps } from '$lib/server/context';
import { requireAccount, respond } from '$lib/server/http/respond';
import { serveFeeReceipt } from '$lib/server/payments/receipt-paper';
import type { RequestHandler } from './$types';

/** The fee e-receipt the agency issues (`?obligation=` the fee; without it only a dossier with one paid fee answers; `?download=1` to save it). */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond(async () => {
		requireAccount(locals);
		const { db, config } = await dossierDeps();
		return serveFeeReceipt({ db, dataDir: config.dataDir }, locals.account!, params.id, url.searchParams.get('obligation'), url.searchParams.has('download'));
	});
