import { error } from '@sveltejs/kit';
import { serverContext } from '$lib/server/context';
import { listMailbox } from '$lib/server/messaging';
import type { PageServerLoad } from './$types';

/**
 * Development mailbox: every SMS and e-mail the app "sent" while no real adapter is
 * configured, newest first, so a person trying the app can read their code. Off (404)
 * whenever development pages are off, and always in production.
 */
export const load: PageServerLoad = async ({ setHeaders }) => {
	const { config, deps } = await serverContext();
	if (!config.devPages) error(404, 'Không tìm thấy trang này.');
	setHeaders({ 'cache-control': 'no-store' });
	const rows = await listMailbox(deps.db, { limit: 100 });
	return {
		messages: rows.map((m) => ({ id: m.id, channel: m.channel, to: m.recipient, subject: m.subject, body: m.body, at: m.created_at, attachments: m.attachments ? (JSON.parse(m.attachments) as { name: string; size: number }[]) : [] }))
	};
};
