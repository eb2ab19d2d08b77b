import { describe, expect, it } from 'vitest';
import { attachmentTypeOf, checkPicked, sniffFile, MAX_IMAGE_PIXELS, SIGNATURE_BYTES } from '$lib/domain/file-signature';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

/** SOI, an APP1 (EXIF) block of `exif` bytes, then a baseline frame header. */
function jpeg(width: number, height: number, exif = 100) {
	return bytes([0xff, 0xd8], [0xff, 0xe1, ...u16(exif + 2)], new Array(exif).fill(0), [0xff, 0xc0, 0, 17, 8, ...u16(height), ...u16(width), 3]);
}
const png = (width: number, height: number) => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32(13), 'IHDR', u32(width), u32(height), [8, 6, 0, 0, 0]);

describe('attachmentTypeOf: the type by the first bytes, as the server sniffs it', () => {
	it('names JPEG, PNG, WebP and PDF by their signatures', () => {
		expect(attachmentTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
		expect(attachmentTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('image/png');
		expect(attachmentTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
		expect(attachmentTypeOf(bytes('%PDF-1.7\n'))).toBe('application/pdf');
	});

	it('needs no more than SIGNATURE_BYTES to name the type of a real photo', () => {
		expect(attachmentTypeOf(jpeg(4000, 3000).subarray(0, SIGNATURE_BYTES))).toBe('image/jpeg');
		expect(attachmentTypeOf(png(1600, 1200).subarray(0, SIGNATURE_BYTES))).toBe('image/png');
	});

	it('refuses anything else, whatever its name says', () => {
		expect(attachmentTypeOf(bytes('<html><script>'))).toBeNull();
		expect(attachmentTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
		expect(attachmentTypeOf(bytes('GIF89a'))).toBeNull();
		expect(attachmentTypeOf(new Uint8Array())).toBeNull();
	});
});

describe('sniffFile: the real type and pixel size from the first bytes', () => {
	it('reads JPEG past its EXIF block, PNG, WebP (VP8X, VP8L, VP8) and PDF with their sizes', () => {
		expect(sniffFile(jpeg(4000, 3000, 30_000))).toEqual({ type: 'image/jpeg', width: 4000, height: 3000 });
		expect(sniffFile(png(1600, 1200))).toEqual({ type: 'image/png', width: 1600, height: 1200 });
		expect(sniffFile(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0, 0, 0, 0, 0], u24le(3999), u24le(2999)))).toEqual({ type: 'image/webp', width: 4000, height: 3000 });
		const vp8l = (800 - 1) | ((600 - 1) << 14);
		expect(sniffFile(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8L', [0, 0, 0, 0, 0x2f], u32(vp8l).reverse()))).toEqual({ type: 'image/webp', width: 800, height: 600 });
		expect(sniffFile(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', new Array(10).fill(0), [0x20, 0x03, 0x58, 0x02]))).toEqual({ type: 'image/webp', width: 800, height: 600 });
		expect(sniffFile(bytes('%PDF-1.7\n'))).toEqual({ type: 'application/pdf' });
	});

	it('refuses a PDF header that is not at the start, here as on the server', () => {
		expect(sniffFile(bytes('\n\n  junk before %PDF-1.4'))).toBeNull();
	});

	it('knows nothing else, whatever the name said: text, HTML, ZIP, GIF, HEIC', () => {
		for (const head of [bytes('Xin chào'), bytes('<!doctype html>'), bytes('PK', [3, 4]), bytes('GIF89a'), bytes([0, 0, 0, 0x18], 'ftypheic')]) expect(sniffFile(head)).toBeNull();
	});

	it('a JPEG whose frame header is beyond the bytes read has no size (decoding decides)', () => {
		expect(sniffFile(jpeg(4000, 3000).subarray(0, 50))).toEqual({ type: 'image/jpeg' });
	});
});

describe('checkPicked: refused before anything decodes', () => {
	it('refuses a zero-byte file, a renamed non-image and a 20,000 × 20,000 px picture', () => {
		expect(checkPicked(0, new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
		expect(checkPicked(12, bytes('not an image'))).toEqual({ ok: false, reason: 'not-accepted' });
		expect(checkPicked(1000, png(20_000, 20_000))).toEqual({ ok: false, reason: 'too-many-pixels' });
		expect(checkPicked(1000, jpeg(20_000, 300))).toEqual({ ok: false, reason: 'too-many-pixels' }); // a side too long for a canvas
	});

	it('accepts a 12 MP photo and the largest picture allowed', () => {
		expect(checkPicked(5_000_000, jpeg(4000, 3000))).toMatchObject({ ok: true, sniffed: { type: 'image/jpeg' } });
		expect(checkPicked(5_000_000, jpeg(8000, MAX_IMAGE_PIXELS / 8000))).toMatchObject({ ok: true });
		expect(checkPicked(5_000_000, jpeg(8000, MAX_IMAGE_PIXELS / 8000 + 1))).toMatchObject({ ok: false });
	});
});
