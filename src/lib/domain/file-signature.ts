/**
 * What a file really is, from its first bytes, before anything decodes it: the name and the
 * type the phone claims are not trusted (a renamed .txt, a screenshot saved as .pdf, a PNG
 * named `.jpg`). This is the one sniffer: the device runs it on a picked file and the server
 * runs it on the uploaded one (server/blobs/store.ts), so what the phone accepts the server
 * accepts, under the same type, and the check of the manifest against the stored file never
 * refuses an honest citizen. For images the header also gives the pixel size, so a
 * 20,000 × 20,000 px picture is refused before a 1 GB phone tries to decode 1.6 GB of pixels.
 */
import type { AttachmentType } from './wire/primitives';

export interface Sniffed {
	type: AttachmentType;
	/** Pixel size from the header (images only; undefined when the header does not say within the bytes read). */
	width?: number;
	height?: number;
}

/** Bytes enough to know the type (not the pixel size): what `attachmentTypeOf` needs. */
export const SIGNATURE_BYTES = 16;
/** How many leading bytes `checkPicked` wants: enough to pass a JPEG's EXIF block (≤ 64 KB) to its frame header. */
export const SNIFF_BYTES = 256 * 1024;

/**
 * Largest picture accepted, in pixels (256 MB once decoded): a 64 MP phone camera still passes;
 * a 20,000 × 20,000 px image (400 MP, 1.6 GB decoded) does not.
 */
export const MAX_IMAGE_PIXELS = 64_000_000;
/** Longest side a browser canvas can hold everywhere. */
export const MAX_IMAGE_SIDE = 16_384;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);

/** The file's real type (one of the four accepted) and, for images, its pixel size; null if it is none of them. */
export function sniffFile(head: Uint8Array): Sniffed | null {
	if (startsWith(head, [0xff, 0xd8, 0xff])) {
		const frame = jpegFrame(head);
		// JPEG-LS (a lossless medical/scanner format) shares JPEG's first bytes but no browser
		// shows it and no officer could open it: not a JPEG here, on the device or the server.
		return 'lossless' in frame ? null : { type: 'image/jpeg', ...frame };
	}
	// An animated PNG (APNG) is a PNG every browser shows: image/png, as on the server.
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return head.length >= 24 && ascii(head, 12, 4) === 'IHDR' ? { type: 'image/png', width: u32be(head, 16), height: u32be(head, 20) } : { type: 'image/png' };
	}
	if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return { type: 'image/webp', ...webpSize(head) };
	// At the very start: a header further in, which some readers tolerate, is not a PDF the
	// desk's viewer and the server's checks (blobs/content-check.ts) are sure to read.
	if (head.length >= 5 && ascii(head, 0, 5) === '%PDF-') return { type: 'application/pdf' };
	return null;
}

/** JPEG, PNG, WebP or PDF by the first `SIGNATURE_BYTES` bytes, or null. */
export function attachmentTypeOf(head: Uint8Array): AttachmentType | null {
	return sniffFile(head)?.type ?? null;
}

/** JPEG-LS markers: its frame header (SOF55) and its parameters (LSE). */
const JPEG_LS_MARKERS = new Set([0xf7, 0xf8]);

/** The frame header (SOFn) gives the size; markers before it (EXIF, ICC) are skipped by their lengths. */
function jpegFrame(b: Uint8Array): { width?: number; height?: number } | { lossless: true } {
	let at = 2;
	while (at + 9 < b.length) {
		if (b[at] !== 0xff) return {};
		const marker = b[at + 1];
		if (marker === 0xff) {
			at++; // fill byte
			continue;
		}
		if (JPEG_LS_MARKERS.has(marker)) return { lossless: true };
		const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isFrame) return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
		if (marker === 0xd9 || marker === 0xda) return {};
		at += 2 + u16be(b, at + 2);
	}
	return {};
}

function webpSize(b: Uint8Array): { width?: number; height?: number } {
	const chunk = ascii(b, 12, 4);
	if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
	if (chunk === 'VP8 ' && b.length >= 30) return { width: (b[26] | (b[27] << 8)) & 0x3fff, height: (b[28] | (b[29] << 8)) & 0x3fff };
	if (chunk === 'VP8L' && b.length >= 25) {
		const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
		return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	return {};
}

export type SniffRefusal = 'empty' | 'not-accepted' | 'too-many-pixels';

/** Whether a picked file can be taken at all, from its size and first `SNIFF_BYTES` bytes. */
export function checkPicked(size: number, head: Uint8Array): { ok: true; sniffed: Sniffed } | { ok: false; reason: SniffRefusal } {
	if (size === 0) return { ok: false, reason: 'empty' };
	const sniffed = sniffFile(head);
	if (!sniffed) return { ok: false, reason: 'not-accepted' };
	const { width, height } = sniffed;
	if (width !== undefined && height !== undefined && (width * height > MAX_IMAGE_PIXELS || Math.max(width, height) > MAX_IMAGE_SIDE))
		return { ok: false, reason: 'too-many-pixels' };
	return { ok: true, sniffed };
}
