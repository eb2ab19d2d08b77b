/**
 * Embeds a font prepared at development time (scripts/build-pdf-fonts.mjs) into a pdf-lib
 * document without fontkit. fontkit is ≈ 330 KB gzip of JavaScript that every phone would
 * precache only to find glyph ids and widths; a `.pdffont` file already carries them:
 *
 *   uint32 big-endian length of the JSON · JSON metrics · TrueType subset
 *
 * pdf-lib's own CustomFontEmbedder writes the PDF objects (Type0 font, CIDFontType2 with the
 * TrueType subset, widths, ToUnicode map so the text can be searched and copied); it is given
 * a small object with the parts of a fontkit font it reads. Vietnamese needs no shaping:
 * every letter is one precomposed glyph, so text is laid out one code point after another
 * (in NFC). A character outside the prepared set is printed as "?".
 */
import { CustomFontEmbedder, PDFFont, type PDFDocument } from 'pdf-lib';

export interface PreparedFontMetrics {
	name: string;
	unitsPerEm: number;
	ascent: number;
	descent: number;
	capHeight: number;
	xHeight: number;
	italicAngle: number;
	bbox: [number, number, number, number];
	fixedPitch: boolean;
	familyClass: number;
	italic: boolean;
	notdefAdvance: number;
	/** [code point, glyph id in the subset, advance width in font units] */
	glyphs: [number, number, number][];
}

interface Glyph {
	id: number;
	advanceWidth: number;
	codePoints: number[];
}

export function readPreparedFont(bytes: Uint8Array | ArrayBuffer): { metrics: PreparedFontMetrics; ttf: Uint8Array } {
	const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	if (data.length < 8) throw new Error('Tệp phông chữ PDF bị hỏng; hãy tải lại ứng dụng.');
	const length = new DataView(data.buffer, data.byteOffset, 4).getUint32(0);
	const metrics = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + length))) as PreparedFontMetrics;
	if (!Array.isArray(metrics.glyphs) || !metrics.unitsPerEm) throw new Error('Tệp phông chữ PDF bị hỏng; hãy tải lại ứng dụng.');
	return { metrics, ttf: data.slice(4 + length) };
}

/** The members of a fontkit Font that CustomFontEmbedder uses, answered from the metrics. */
function fontFromMetrics(m: PreparedFontMetrics) {
	const byCodePoint = new Map<number, Glyph>();
	for (const [codePoint, id, advanceWidth] of m.glyphs) byCodePoint.set(codePoint, { id, advanceWidth, codePoints: [codePoint] });
	const question = byCodePoint.get(0x3f);
	const space = byCodePoint.get(0x20);
	if (!question || !space) throw new Error('Tệp phông chữ PDF thiếu ký tự cơ bản; hãy tải lại ứng dụng.');
	const glyphFor = (ch: string): Glyph => byCodePoint.get(ch.codePointAt(0)!) ?? (/\s/.test(ch) ? space : question);
	return {
		postscriptName: m.name,
		unitsPerEm: m.unitsPerEm,
		ascent: m.ascent,
		descent: m.descent,
		capHeight: m.capHeight,
		xHeight: m.xHeight,
		italicAngle: m.italicAngle,
		bbox: { minX: m.bbox[0], minY: m.bbox[1], maxX: m.bbox[2], maxY: m.bbox[3] },
		cff: false,
		post: { isFixedPitch: m.fixedPitch },
		head: { macStyle: { italic: m.italic } },
		'OS/2': { sFamilyClass: m.familyClass },
		characterSet: m.glyphs.map(([codePoint]) => codePoint),
		glyphForCodePoint: (codePoint: number) => byCodePoint.get(codePoint) ?? question,
		layout: (text: string) => ({ glyphs: Array.from(text.normalize('NFC'), glyphFor) })
	};
}

/** Embeds the prepared font; the returned PDFFont draws and measures text like any other. */
export function embedPreparedFont(doc: PDFDocument, bytes: Uint8Array | ArrayBuffer): PDFFont {
	const { metrics, ttf } = readPreparedFont(bytes);
	const Embedder = CustomFontEmbedder as unknown as new (font: unknown, data: Uint8Array) => CustomFontEmbedder;
	const font = PDFFont.of(doc.context.nextRef(), doc, new Embedder(fontFromMetrics(metrics), ttf));
	// As PDFDocument.embedFont does: the document writes its fonts' objects when it is saved.
	(doc as unknown as { fonts: PDFFont[] }).fonts.push(font);
	return font;
}
