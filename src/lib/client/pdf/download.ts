/**
 * Builds a declaration PDF on the device (works offline: the builder and the fonts are
 * precached by the service worker) and hands it to the browser as a download.
 * Loaded with a dynamic import so pdf-lib is not part of a page's first load.
 */
import type { Procedure } from '$lib/domain/procedure';
import { buildBlankFileName, buildDeclarationPdf } from './declaration';
import { saveBlob } from '../save-file';
import { PdfEngineMissingError } from './engine';

let fontCache: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

export function loadFonts() {
	fontCache ??= Promise.all(
		['/fonts/BeVietnamPro-Regular.pdffont', '/fonts/BeVietnamPro-Bold.pdffont'].map(async (url) => {
			// Offline before the fonts were kept (they come right after the install): said as such.
			const res = await fetch(url).catch((error) => Promise.reject(new PdfEngineMissingError(error)));
			if (!res.ok) throw new Error(`Không tải được phông chữ (${res.status})`);
			return new Uint8Array(await res.arrayBuffer());
		})
	).then(([regular, bold]) => ({ regular, bold }));
	fontCache.catch(() => (fontCache = undefined));
	return fontCache;
}

export function saveBytes(bytes: Uint8Array, fileName: string) {
	saveBlob(new Blob([bytes as BlobPart], { type: 'application/pdf' }), fileName);
}

export async function downloadBlankDeclaration(procedure: Procedure) {
	const bytes = await buildDeclarationPdf({ procedure, fonts: await loadFonts() });
	saveBytes(bytes, buildBlankFileName(procedure));
}
