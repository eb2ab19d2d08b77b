import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** All the text of a PDF, NFC-normalised, pages joined by newlines. */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<string> {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
	}
	return pages.join('\n').normalize('NFC').replace(/\s+/g, ' ');
}
