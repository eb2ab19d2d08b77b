/**
 * The one way the server hands out a stored attachment (a citizen's own document, an
 * officer opening a dossier's file): never as a page of our site. Whatever the bytes are —
 * a JPEG with HTML appended, a PDF with a script — the browser is told exactly what type
 * it is (no sniffing), to save it or show it in a sandbox with no scripts, no plugins, no
 * forms and no access to our origin's cookies or storage, and never to keep it in a
 * shared cache.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { attachmentTypes } from '$lib/domain/wire/primitives';
import { blobPath } from '../blobs/store';

/** A sandbox with nothing allowed: no script, no form, no plugin, an opaque origin. */
export const ATTACHMENT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'none'; frame-ancestors 'self'; sandbox";

export interface AttachmentMeta {
	/** The name the person gave the file; any text, encoded safely here. */
	filename: string;
	/** The type recorded when the blob was verified (sniffed); anything else is served as bytes. */
	type: string;
	size: number;
	/** `inline` lets the browser show a PDF or image in its sandboxed viewer; `attachment` (default) saves it. */
	disposition?: 'inline' | 'attachment';
}

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(filename: string, disposition: 'inline' | 'attachment' = 'attachment'): string {
	const clean = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\\/]/g, '_').slice(0, 200) || 'tep-dinh-kem';
	const ascii = clean
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/[^\x20-\x7e]|["%;]/g, '_');
	const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The headers every attachment answer carries. */
export function attachmentHeaders(meta: AttachmentMeta): Record<string, string> {
	const known = (attachmentTypes as readonly string[]).includes(meta.type);
	// Only a type we verified may be shown inline; anything else is bytes to save.
	const disposition = known ? (meta.disposition ?? 'attachment') : 'attachment';
	return {
		'content-type': known ? meta.type : 'application/octet-stream',
		'content-length': String(meta.size),
		'content-disposition': contentDisposition(meta.filename, disposition),
		'x-content-type-options': 'nosniff',
		'content-security-policy': ATTACHMENT_CSP,
		'cross-origin-resource-policy': 'same-origin',
		'cache-control': 'private, no-store',
		'referrer-policy': 'no-referrer'
	};
}

/** A stored blob (by SHA-256 under DATA_DIR) as a safe attachment answer, streamed from disk. */
export async function attachmentResponse(dataDir: string, sha256: string, meta: Omit<AttachmentMeta, 'size'>): Promise<Response> {
	const path = blobPath(dataDir, sha256);
	const { size } = await stat(path);
	const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
	return new Response(body, { status: 200, headers: attachmentHeaders({ ...meta, size }) });
}
