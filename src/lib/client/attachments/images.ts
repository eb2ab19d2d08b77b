/**
 * Photos of papers taken with a phone camera are 3–8 MB; shrunk to 1600 px on the long
 * side as JPEG they stay legible at a few hundred KB — what a metered 3G plan can afford.
 * PDFs and already-small images are kept as they are.
 */
const MAX_SIDE = 1600;
const QUALITY = 0.8;
const KEEP_BELOW_BYTES = 400 * 1024;

export async function compressForUpload(file: File): Promise<Blob> {
	if (!file.type.startsWith('image/') || file.size <= KEEP_BELOW_BYTES) return file;
	if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return file;
	try {
		const bitmap = await createImageBitmap(file);
		const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
		const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
		canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		bitmap.close();
		const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
		return out.size < file.size ? out : file;
	} catch {
		return file; // an image the browser cannot decode is sent as it is; the server checks it
	}
}
