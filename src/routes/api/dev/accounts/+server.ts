// Development only: the demo accounts with their passwords and agencies. 404 when development pages are off (always in production).
import { error, json } from '@sveltejs/kit';
import { listDemoAccounts } from '$lib/server/accounts';
import { dossierDeps } from '$lib/server/context';

export async function GET() {
	const { db, config } = await dossierDeps();
	if (!config.devPages || config.env === 'production') error(404, 'Không tìm thấy trang này.');
	return json(await listDemoAccounts(db));
}
