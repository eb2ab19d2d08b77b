// Development only: bytes the server received per upload, for the e2e tests that check a
// resumed upload costs little more than the file itself. 404 when development pages are off.
import { error, json } from '@sveltejs/kit';
import { uploadStats } from '$lib/server/blobs/upload-records';
import { dossierDeps } from '$lib/server/context';

export async function GET() {
	const { db, config } = await dossierDeps();
	if (!config.devPages) error(404, 'Không tìm thấy trang này.');
	return json(await uploadStats(db));
}
