/**
 * Photos of papers taken with a phone camera are 3–8 MB; shrunk to 1600 px on the long
 * side as JPEG they stay legible (≈ 150 dpi for an A4 page) at a few hundred KB — what a
 * metered 3G plan can afford. The quality steps down until the photo fits the budget.
 *
 * Runs in the preparing worker (./prepare.worker.ts) and, where module workers are missing,
 * on the page: it needs only createImageBitmap and OffscreenCanvas.
 */
export const MAX_SIDE = 1600;
/** What one photographed A4 page should cost on the wire (issue 14: a 12 MP photo ≤ 300 KB). */
export const PHOTO_BUDGET_BYTES = 300 * 1024;
const QUALITIES = [0.8, 0.7, 0.6, 0.5];

export interface ShrunkImage {
	data: Blob;
	width: number;
	height: number;
	/** The JPEG quality used, or null when the original was kept (already small enough). */
	quality: number | null;
}

/** Thrown when the browser cannot decode the picture (a corrupt JPEG, a truncated PNG). */
export class UndecodableImageError extends Error {
	constructor() {
		super('undecodable image');
		this.name = 'UndecodableImageError';
	}
}

export function canShrinkImages(): boolean {
	return typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function';
}

/**
 * Decodes the picture (turned upright by its EXIF orientation), scales it to `MAX_SIDE` on
 * the long side and encodes it as JPEG at the highest quality that fits the budget. A
 * picture already small in bytes and pixels is kept as it is, once it has proved it decodes.
 */
export async function shrinkImage(file: Blob): Promise<ShrunkImage> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		throw new UndecodableImageError();
	}
	try {
		const { width, height } = bitmap;
		const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
		if (scale === 1 && file.size <= PHOTO_BUDGET_BYTES) return { data: file, width, height, quality: null };
		const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
		const context = canvas.getContext('2d')!;
		context.imageSmoothingQuality = 'high';
		// A transparent PNG becomes JPEG on white, as it would print.
		context.fillStyle = '#fff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		bitmap.close();
		let out: Blob | undefined;
		let quality = QUALITIES[0];
		for (quality of QUALITIES) {
			out = await canvas.convertToBlob({ type: 'image/jpeg', quality });
			if (out.size <= PHOTO_BUDGET_BYTES) break;
		}
		if (out!.size >= file.size && scale === 1) return { data: file, width, height, quality: null };
		return { data: out!, width: canvas.width, height: canvas.height, quality };
	} finally {
		bitmap.close();
	}
}
