// The page half of bench/documents.mjs: the app's own image shrinking and PDF assembly, and the
// generated A4 photos, on `window.bench` for the benchmark to drive.
import { shrinkImage, MAX_SIDE, PHOTO_BUDGET_BYTES } from '../src/lib/client/attachments/images.ts';
import { assemblePdf } from '../src/lib/client/attachments/assemble-pdf.ts';
import { a4PhotoBase64 } from '../tests/e2e/helpers/a4-photo.ts';

const toBlob = (b64) => new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });

window.bench = {
	MAX_SIDE,
	PHOTO_BUDGET_BYTES,
	photos: [],
	shrunk: [],
	async generate(seed) {
		this.photos.push(toBlob(await a4PhotoBase64({ seed })));
		return this.photos.at(-1).size;
	},
	async shrink(i) {
		const t = performance.now();
		const out = await shrinkImage(this.photos[i]);
		const ms = performance.now() - t;
		this.shrunk.push(out.data);
		return { ms, bytesIn: this.photos[i].size, bytesOut: out.data.size, width: out.width, height: out.height, quality: out.quality };
	},
	async assemble(pages) {
		const files = Array.from({ length: pages }, (_, i) => {
			const data = this.shrunk[i % this.shrunk.length];
			return { data, name: 'p.jpg', type: 'image/jpeg', originalSize: data.size, size: data.size, pages: 1 };
		});
		const t = performance.now();
		const pdf = await assemblePdf(files, 'giay-to');
		return { ms: performance.now() - t, bytes: pdf.size, inputBytes: files.reduce((s, f) => s + f.size, 0) };
	}
};
