import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { embedPreparedFont, readPreparedFont } from '$lib/domain/pdf/prepared-font';
import { allText, extract, fonts } from './helpers';

// The PDF fonts are prepared at development time (scripts/build-pdf-fonts.mjs); the phone
// embeds them with pdf-lib alone.
describe('prepared PDF fonts', () => {
	it('carry every Vietnamese letter with its glyph and width', () => {
		const { metrics, ttf } = readPreparedFont(fonts.regular);
		const covered = new Set(metrics.glyphs.map(([cp]) => cp));
		const letters = 'aàáảãạăằắẳẵặâầấẩẫậdđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
		for (const ch of letters + letters.toUpperCase()) expect(covered.has(ch.codePointAt(0)!), ch).toBe(true);
		expect(metrics.glyphs.every(([, id, width]) => id > 0 && width > 0)).toBe(true);
		// A TrueType font: version tag 0x00010000 or 'true'.
		expect(['\u0000\u0001\u0000\u0000', 'true']).toContain(String.fromCharCode(...ttf.subarray(0, 4)));
	});

	it('writes text that reads back the same, decomposed input included, and "?" for what it lacks', async () => {
		const doc = await PDFDocument.create();
		const font = embedPreparedFont(doc, fonts.regular);
		const page = doc.addPage([400, 200]);
		page.drawText('Nguyễn Thị Ánh Tuyết – Đắk Lắk', { x: 20, y: 150, size: 12, font });
		page.drawText('Nguye\u0302\u0303n'.normalize('NFD'), { x: 20, y: 120, size: 12, font });
		page.drawText('Tên: 王', { x: 20, y: 90, size: 12, font });
		const text = allText(await extract(await doc.save()));
		expect(text).toContain('Nguyễn Thị Ánh Tuyết – Đắk Lắk');
		expect(text).toContain('Nguyễn');
		expect(text).toContain('Tên: ?');
		expect(font.widthOfTextAtSize('Đắk Lắk', 12)).toBeGreaterThan(font.widthOfTextAtSize('Đắk', 12));
	});

	it('refuses a damaged file with a Vietnamese message', () => {
		expect(() => readPreparedFont(new Uint8Array([0, 0, 0, 2, 123, 125, 0, 0]))).toThrow(/phông chữ/);
		expect(() => readPreparedFont(new Uint8Array(3))).toThrow(/phông chữ/);
	});
});
