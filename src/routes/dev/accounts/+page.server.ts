import { error } from '@sveltejs/kit';
import { listDemoAccounts, recentDossierDesks } from '$lib/server/accounts';
import { serverContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** Development only: every demo account with its password and agency, and where the latest dossiers went. Off (404) with the development pages. */
export const load: PageServerLoad = async ({ setHeaders }) => {
	const { config, deps } = await serverContext();
	if (!config.devPages || config.env === 'production') error(404, 'Không tìm thấy trang này.');
	setHeaders({ 'cache-control': 'no-store' });
	const [accounts, recent] = await Promise.all([listDemoAccounts(deps.db), recentDossierDesks(deps.db)]);
	return { accounts, recent };
};
