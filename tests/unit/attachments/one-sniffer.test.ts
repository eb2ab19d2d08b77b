/**
 * Issue 12: the device and the server must name a file's type alike, or the phone takes a
 * file the server then refuses after the whole upload. The server once used the `file-type`
 * package, which calls an animated PNG `image/apng` and a JPEG-LS file `image/jls`, while the
 * device called them PNG and JPEG. Both sides now run domain/file-signature.ts: this runs the
 * device's check on sample bytes and the server's on the same bytes written to a file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPicked, SNIFF_BYTES } from '$lib/domain/file-signature';
import { sniffAttachmentType } from '$lib/server/blobs/store';

const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const chunk = (type: string, data: number[]) => bytes(u32(data.length), type, data, [0, 0, 0, 0]);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ihdr = chunk('IHDR', [...u32(640), ...u32(480), 8, 6, 0, 0, 0]);

const samples: Record<string, { head: Uint8Array; type: string | null }> = {
	'JPEG (JFIF)': { head: bytes([0xff, 0xd8, 0xff, 0xe0, ...u16(16)], 'JFIF', new Array(10).fill(0), [0xff, 0xc0, 0, 17, 8, ...u16(480), ...u16(640), 3]), type: 'image/jpeg' },
	'JPEG (EXIF)': { head: bytes([0xff, 0xd8, 0xff, 0xe1, ...u16(8)], 'Exif', [0, 0], [0xff, 0xc2, 0, 17, 8, ...u16(480), ...u16(640), 3]), type: 'image/jpeg' },
	'JPEG-LS (SOF55 at once)': { head: bytes([0xff, 0xd8, 0xff, 0xf7, 0, 11, 8, ...u16(480), ...u16(640), 1, 1, 0x11, 0]), type: null },
	'JPEG-LS (after an APP0)': { head: bytes([0xff, 0xd8, 0xff, 0xe0, ...u16(16)], 'JFIF', new Array(10).fill(0), [0xff, 0xf7, 0, 11, 8, ...u16(480), ...u16(640), 1, 1, 0x11, 0]), type: null },
	PNG: { head: bytes(PNG_SIGNATURE, ihdr, chunk('IDAT', [1, 2, 3])), type: 'image/png' },
	'animated PNG (acTL before IDAT)': { head: bytes(PNG_SIGNATURE, ihdr, chunk('acTL', [...u32(2), ...u32(0)]), chunk('IDAT', [1, 2, 3])), type: 'image/png' },
	WebP: { head: bytes('RIFF', u32(30).reverse(), 'WEBPVP8X', [10, 0, 0, 0, 0, 0, 0, 0], [0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00]), type: 'image/webp' },
	PDF: { head: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'), type: 'application/pdf' },
	'PDF behind junk': { head: bytes('\n\n junk %PDF-1.4\n'), type: null },
	GIF: { head: bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0]), type: null },
	HEIC: { head: bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), type: null },
	HTML: { head: bytes('<!doctype html><script>alert(1)</script>'), type: null }
};

const dir = mkdtempSync(join(tmpdir(), 'dvc-sniff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one sniffer on the device and the server', () => {
	for (const [name, sample] of Object.entries(samples)) {
		it(`${name}: ${sample.type ?? 'refused'} on both sides`, async () => {
			const device = checkPicked(sample.head.length, sample.head.subarray(0, SNIFF_BYTES));
			expect(device.ok ? device.sniffed.type : null).toBe(sample.type);
			const path = join(dir, name.replace(/\W+/g, '-'));
			writeFileSync(path, sample.head);
			expect((await sniffAttachmentType(path)).allowed).toBe(sample.type);
		});
	}
});
