// Creates the first administrator of a deployment, on the database the environment names
// (DATABASE_URL / DATA_DIR, as `npm start` reads them):
//   npm run create-admin -- --name "Nguyễn Văn Quản" --id-number 001090000001 --phone 0912000009 [--email a@b.vn]
// Prints a temporary password once. Refused when an active administrator exists (README, Security).
// Runs the server's own TypeScript through Vite (a development dependency, present wherever
// the app is built from source).
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const { values } = parseArgs({
	options: { name: { type: 'string' }, 'id-number': { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' } }
});
const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
	const { createAdminCommand } = await vite.ssrLoadModule('/src/lib/server/accounts/first-admin.ts');
	console.log(await createAdminCommand(values));
} catch (error) {
	console.error(error?.name === 'ApiError' ? `${error.message}${error.fields ? ` ${JSON.stringify(error.fields)}` : ''}` : error);
	process.exitCode = 1;
} finally {
	await vite.close();
}
