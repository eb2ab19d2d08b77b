// Prepares the PDF fonts once, at development time, so the phone does not need fontkit
// (≈ 330 KB gzip of JavaScript) to embed a Vietnamese font:
//
//   node scripts/build-pdf-fonts.mjs
//
// For Be Vietnam Pro Regular and Bold it keeps the glyphs of the characters a Vietnamese
// declaration uses (ASCII, every Vietnamese letter, common punctuation and symbols), and
// writes that TrueType subset with the metrics the PDF needs (glyph id and advance width per
// character, ascent, descent, bounding box) into one file:
//
//   static/fonts/<name>.pdffont = uint32 (big-endian) length of the JSON · JSON metrics · TTF subset
//
// src/lib/domain/pdf/prepared-font.ts reads it. Re-run after changing the character set.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync, writeFileSync } from 'node:fs';

const SOURCES = {
	'BeVietnamPro-Regular': 'node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
	'BeVietnamPro-Bold': 'node_modules/@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'
};

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const vietnamese =
	'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
const CHARACTERS = new Set([
	...range(0x20, 0x7e),
	...[...'\u00a0«»°±×÷§©®µ¶·¹²³¼½¾'].map((c) => c.codePointAt(0)),
	...[...vietnamese, ...vietnamese.toUpperCase()].map((c) => c.codePointAt(0)),
	...[...'‐‑–—‘’‚“”„•…‰′″‹›€₫№™←→↑↓✓✔☐☑'].map((c) => c.codePointAt(0))
]);

for (const [name, path] of Object.entries(SOURCES)) {
	const font = fontkit.create(readFileSync(path));
	const subset = font.createSubset();
	const glyphs = [];
	for (const cp of [...CHARACTERS].sort((a, b) => a - b)) {
		if (!font.hasGlyphForCodePoint(cp)) continue;
		const glyph = font.glyphForCodePoint(cp);
		glyphs.push([cp, subset.includeGlyph(glyph), glyph.advanceWidth]);
	}
	const ttf = await new Promise((resolve, reject) => {
		const parts = [];
		const stream = subset.encodeStream();
		stream.on('data', (bytes) => parts.push(Buffer.from(bytes)));
		stream.on('end', () => resolve(Buffer.concat(parts)));
		stream.on('error', reject);
	});
	const metrics = {
		name: font.postscriptName,
		unitsPerEm: font.unitsPerEm,
		ascent: font.ascent,
		descent: font.descent,
		capHeight: font.capHeight,
		xHeight: font.xHeight,
		italicAngle: font.italicAngle,
		bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
		fixedPitch: Boolean(font.post.isFixedPitch),
		familyClass: font['OS/2'] ? font['OS/2'].sFamilyClass : 0,
		italic: Boolean(font.head.macStyle.italic),
		notdefAdvance: font.getGlyph(0).advanceWidth,
		/** [code point, glyph id in the subset, advance width in font units] */
		glyphs
	};
	const json = Buffer.from(JSON.stringify(metrics));
	const head = Buffer.alloc(4);
	head.writeUInt32BE(json.length);
	const out = Buffer.concat([head, json, ttf]);
	writeFileSync(`static/fonts/${name}.pdffont`, out);
	console.log(`${name}: ${glyphs.length} characters, subset ${ttf.length} B, file ${out.length} B`);
}
