import { error } from '@sveltejs/kit';
import { getProcedure } from '$lib/server/catalogue';
import { buildBlankFileName, buildDeclarationPdf } from '$lib/client/pdf/declaration';

// The blank declaration as a real file, made at build time with the same code the phone runs,
// so "Tải mẫu đơn (PDF)" is a plain link that works before the page's scripts have started
// (on 2G that is seconds) and costs ≈ 30 KB instead of the PDF engine. Offline, the page
// builds the same file on the device (the engine is precached; these files are not).
export const prerender = true;

export async function GET({ params, fetch }) {
	const procedure = getProcedure(params.code);
	if (!procedure) error(404, 'Không có thủ tục này.');
	const [regular, bold] = await Promise.all(
		['/fonts/BeVietnamPro-Regular.pdffont', '/fonts/BeVietnamPro-Bold.pdffont'].map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()))
	);
	const bytes = await buildDeclarationPdf({ procedure, fonts: { regular, bold } });
	return new Response(bytes as BodyInit, {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${buildBlankFileName(procedure)}"` }
	});
}
