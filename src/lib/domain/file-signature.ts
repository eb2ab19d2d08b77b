/**
 * What an attachment is by its first bytes, not by its name: the device stores and declares
 * the type the server will sniff (a PNG named `.jpg` is a PNG), so the server's check of
 * the manifest against the stored file never refuses an honest citizen.
 */
import type { AttachmentType } from './wire/primitives';

/** Bytes needed by `attachmentTypeOf`. */
export const SIGNATURE_BYTES = 16;

const starts = (head: Uint8Array, at: number, signature: readonly number[]) => signature.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function attachmentTypeOf(head: Uint8Array): AttachmentType | null {
	if (starts(head, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts(head, 0, [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts(head, 0, ascii('RIFF')) && starts(head, 8, ascii('WEBP'))) return 'image/webp';
	if (starts(head, 0, ascii('%PDF-'))) return 'application/pdf';
	return null;
}
