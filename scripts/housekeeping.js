// One housekeeping run (the server also runs it soon after start and every hour), on the
// database and data folder the environment names (DATABASE_URL / DATA_DIR), e.g. from cron:
//   npm run housekeeping
// Deletes expired sessions and codes, unfinished uploads older than INCOMPLETE_UPLOAD_HOURS and
// stored files no dossier, result or paper uses older than UNREFERENCED_BLOB_HOURS (README).
// Runs the server's own TypeScript through Vite, as scripts/create-admin.js does.
import { createServer } from 'vite';

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
	const { housekeepingCommand } = await vite.ssrLoadModule('/src/lib/server/housekeeping.ts');
	console.log(await housekeepingCommand());
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	await vite.close();
}
