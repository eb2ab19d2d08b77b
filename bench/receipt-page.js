// The page half of bench/receipt.mjs: the app's own e-receipt builder
// (src/lib/domain/pdf/fee-receipt.ts, shared with the server) on `window.bench`, fed the prepared fonts the app fetches.
import { buildFeeReceiptPdf } from '../src/lib/domain/pdf/fee-receipt.ts';

const bytesOf = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

window.bench = {
	/** Builds one receipt from fonts given as base64 (what `loadFonts()` hands the builder) and times it. */
	async build(input, fonts) {
		const t = performance.now();
		const pdf = await buildFeeReceiptPdf(input, { regular: bytesOf(fonts.regular), bold: bytesOf(fonts.bold) });
		return { ms: performance.now() - t, bytes: pdf.length, head: String.fromCharCode(...pdf.slice(0, 5)) };
	}
};
