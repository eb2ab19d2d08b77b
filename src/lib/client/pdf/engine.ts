/**
 * The PDF engine (pdf-lib and the code that draws our PDFs) is the one part of the app the
 * service worker keeps for offline use only after the rest: the phone is offline-ready sooner,
 * and the engine follows a few seconds later (src/service-worker.ts, "later"). If a PDF is
 * asked for with no signal before it arrived, the import fails: this says so in words a person
 * can act on instead of the browser's "Failed to fetch dynamically imported module".
 */
export const PDF_ENGINE_MISSING =
	'Bộ tạo tệp PDF chưa được tải về máy. Hãy mở ứng dụng khi có mạng một lần (khoảng 230 KB); sau đó tạo được PDF cả khi không có mạng.';

export class PdfEngineMissingError extends Error {
	constructor(cause: unknown) {
		super(PDF_ENGINE_MISSING, { cause });
		this.name = 'PdfEngineMissingError';
	}
}

/** `load` is the dynamic import of a PDF module, e.g. `() => import('$lib/client/pdf/receipt')`. */
export async function loadPdfEngine<T>(load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (error) {
		throw new PdfEngineMissingError(error);
	}
}
