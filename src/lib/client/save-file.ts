/**
 * Hands a file to the browser's downloads. Its own module so that opening a result or a stored
 * paper never loads the PDF engine (src/lib/client/pdf/engine.ts) just to save a file.
 */
export function saveBlob(blob: Blob, fileName: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
