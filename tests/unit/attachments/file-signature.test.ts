import { describe, expect, it } from 'vitest';
import { attachmentTypeOf } from '$lib/domain/file-signature';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('attachmentTypeOf: the type by the first bytes, as the server sniffs it', () => {
	it('names JPEG, PNG, WebP and PDF by their signatures', () => {
		expect(attachmentTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
		expect(attachmentTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('image/png');
		expect(attachmentTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
		expect(attachmentTypeOf(bytes('%PDF-1.7\n'))).toBe('application/pdf');
	});

	it('refuses anything else, whatever its name says', () => {
		expect(attachmentTypeOf(bytes('<html><script>'))).toBeNull();
		expect(attachmentTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
		expect(attachmentTypeOf(bytes('GIF89a'))).toBeNull();
		expect(attachmentTypeOf(new Uint8Array())).toBeNull();
	});
});
