/**
 * Content-addressed blob store on the local filesystem: `${DATA_DIR}/blobs/ab/cd/<sha256>`.
 * A file's name is its verified SHA-256, so the same bytes are stored once whoever sent
 * them; who may use a blob is recorded in the `blobs` table, never inferred from the disk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sniffFile, SNIFF_BYTES } from '$lib/domain/file-signature';
import type { AttachmentType } from '$lib/domain/wire/primitives';

export type { AttachmentType };

export const blobsDir = (dataDir: string) => join(dataDir, 'blobs');
export const uploadsDir = (dataDir: string) => join(dataDir, 'uploads');

export function blobPath(dataDir: string, sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`not a SHA-256 hex digest: ${sha256}`);
	return join(blobsDir(dataDir), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** SHA-256 (hex) and byte count of a file, streamed so a 10 MB photo never sits in memory. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
	const hash = createHash('sha256');
	let size = 0;
	await pipeline(createReadStream(path), async function (source: AsyncIterable<Buffer>) {
		for await (const chunk of source) {
			size += chunk.length;
			hash.update(chunk);
		}
	});
	return { sha256: hash.digest('hex'), size };
}

/**
 * The real type from the file's first bytes, if it is one we accept; the declared type is not
 * trusted. The same rule as on the device (domain/file-signature.ts), so a file the phone took
 * is never refused here for its type, nor stored under another type than the phone declared.
 */
export async function sniffAttachmentType(path: string): Promise<{ allowed: AttachmentType | null }> {
	const file = await open(path, 'r');
	try {
		const head = new Uint8Array(SNIFF_BYTES);
		const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
		return { allowed: sniffFile(head.subarray(0, bytesRead))?.type ?? null };
	} finally {
		await file.close();
	}
}

/**
 * Moves a verified file into the store under its hash. If the blob is already there (the
 * same bytes from another upload or account), the new copy is simply dropped.
 */
export async function moveIntoStore(dataDir: string, source: string, sha256: string): Promise<string> {
	const target = blobPath(dataDir, sha256);
	await mkdir(dirname(target), { recursive: true });
	if (await exists(target)) {
		// Fresh again: housekeeping only removes a file nobody used for a long time (orphans.ts).
		const now = new Date();
		await utimes(target, now, now);
		await rm(source, { force: true });
		return target;
	}
	try {
		await rename(source, target);
	} catch (error) {
		// Different filesystems (a mounted uploads volume): copy, then remove.
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		await copyFile(source, target);
		await rm(source, { force: true });
	}
	return target;
}

async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}
