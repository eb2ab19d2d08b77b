/**
 * A tiny top-to-bottom writer over pdf-lib: headings, wrapped paragraphs, "label: ......"
 * lines, digit boxes and tick boxes, with page breaking and a running header/footer.
 * It never draws below the bottom margin: every block asks for its height first and moves
 * to a new page when it does not fit. Pure (fonts come in as bytes), so it runs in the page,
 * the service worker and Node.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedPreparedFont } from './prepared-font';
import { wrapRuns, type Run, type WrappedLine } from './wrap';

/** A4 portrait in points (210 × 297 mm). */
export const A4: [number, number] = [595.28, 841.89];

/** The two prepared fonts (`static/fonts/*.pdffont`, see scripts/build-pdf-fonts.mjs). */
export interface FontBytes {
	regular: Uint8Array | ArrayBuffer;
	bold: Uint8Array | ArrayBuffer;
}

export interface WriterOptions {
	margin?: number;
	/** Body text size in points. */
	fontSize?: number;
	/** Line height as a multiple of the text size; a form filled by hand needs more room. */
	leading?: number;
	/** Small line at the top of every page, e.g. "Thủ tục 1.001193 – ...". */
	header?: string;
	/** Small line at the bottom of every page; gets the page number and the page count. */
	footer?: (page: number, total: number) => string;
	/**
	 * The document's date, instead of the moment it is built: the same input then gives the same
	 * bytes on the phone and on the server (pdf-lib's other "random" parts are seeded).
	 */
	dated?: Date;
}

export interface TextOptions {
	size?: number;
	bold?: boolean;
	align?: 'left' | 'center' | 'right';
	indent?: number;
	grey?: boolean;
	/** Lay the text out in [left + indent, left + indent + width] instead of the full width. */
	width?: number;
}

const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
/** Width of a hand-writing line worth starting after a label; less than this goes to the next line. */
const MIN_FILL = 70;
const BOX = 14;
const TICK = 9;
/** Space between one tick-box option and the next. */
const CHOICE_GAP = 14;

export class PdfWriter {
	readonly regular: PDFFont;
	readonly bold: PDFFont;
	readonly size: number;
	readonly leading: number;
	readonly left: number;
	readonly right: number;
	readonly top: number;
	readonly bottom: number;
	private page: PDFPage;
	/** Top of the next line box. */
	private y: number;

	private constructor(
		readonly doc: PDFDocument,
		fonts: { regular: PDFFont; bold: PDFFont },
		private readonly options: WriterOptions
	) {
		this.regular = fonts.regular;
		this.bold = fonts.bold;
		this.size = options.fontSize ?? 11;
		this.leading = options.leading ?? 1.45;
		const margin = options.margin ?? 50;
		this.left = margin;
		this.right = A4[0] - margin;
		this.top = A4[1] - margin;
		this.bottom = margin;
		this.page = doc.addPage(A4);
		this.y = this.top;
	}

	/** A new document with both prepared fonts embedded (Vietnamese subsets, no fontkit on the phone). */
	static async create(fonts: FontBytes, options: WriterOptions = {}): Promise<PdfWriter> {
		const doc = await PDFDocument.create({ updateMetadata: !options.dated });
		if (options.dated) {
			doc.setProducer('pdf-lib');
			doc.setCreator('dichvucong-pwa');
			doc.setCreationDate(options.dated);
			doc.setModificationDate(options.dated);
		}
		const regular = embedPreparedFont(doc, fonts.regular);
		const bold = embedPreparedFont(doc, fonts.bold);
		return new PdfWriter(doc, { regular, bold }, options);
	}

	get width(): number {
		return this.right - this.left;
	}

	/** Height left on the current page above the bottom margin. */
	get remaining(): number {
		return this.y - this.bottom;
	}

	lineHeight(size = this.size): number {
		return size * this.leading;
	}

	/** Start a new page when `height` does not fit above the bottom margin. */
	ensureSpace(height: number): void {
		if (this.y - height < this.bottom && this.y < this.top) this.newPage();
	}

	newPage(): void {
		this.page = this.doc.addPage(A4);
		this.y = this.top;
	}

	gap(height = this.size * 0.6): void {
		if (this.y - height < this.bottom) this.newPage();
		else if (this.y < this.top) this.y -= height;
	}

	/** A wrapped paragraph of one style. */
	paragraph(text: string, opts: TextOptions = {}): void {
		this.runs([{ text, font: opts.bold ? this.bold : this.regular }], opts);
	}

	heading(text: string, opts: TextOptions = {}): void {
		const size = opts.size ?? this.size + 1;
		this.ensureSpace(this.lineHeight(size) + this.lineHeight() * 2);
		this.paragraph(text, { bold: true, ...opts, size });
	}

	/** Mixed-font text, wrapped and laid out line by line. Returns where the last line ends. */
	runs(runs: Run<PDFFont>[], opts: TextOptions = {}): { x: number; baseline: number } {
		const size = opts.size ?? this.size;
		const x0 = this.left + (opts.indent ?? 0);
		const width = opts.width ?? this.right - x0;
		const lines = wrapRuns(runs, size, width);
		let end = { x: x0, baseline: this.y - size };
		for (const line of lines) end = this.drawLine(line, x0, width, size, opts);
		return end;
	}

	private drawLine(line: WrappedLine<PDFFont>, x0: number, width: number, size: number, opts: TextOptions) {
		const height = this.lineHeight(size);
		this.ensureSpace(height);
		const baseline = this.y - size;
		const shift =
			opts.align === 'center' ? (width - line.width) / 2 : opts.align === 'right' ? width - line.width : 0;
		for (const p of line.pieces)
			this.page.drawText(p.text, { x: x0 + shift + p.x, y: baseline, size, font: p.font, color: opts.grey ? GREY : INK });
		this.y -= height;
		return { x: x0 + shift + line.width, baseline };
	}

	/** A short centred rule, as under the national motto. */
	rule(width: number): void {
		const x = this.left + (this.width - width) / 2;
		const y = this.y + 2;
		this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6, color: INK });
	}

	/** A dotted line to write on by hand, from x1 to x2 at a baseline. */
	dots(x1: number, x2: number, baseline: number): void {
		this.page.drawLine({
			start: { x: x1, y: baseline - 1 },
			end: { x: x2, y: baseline - 1 },
			thickness: 0.7,
			dashArray: [1, 2.2],
			color: GREY
		});
	}

	/** Full-width dotted lines for a free-text answer written by hand. */
	blankLines(count: number, indent = 0): void {
		for (let i = 0; i < count; i++) {
			this.ensureSpace(this.lineHeight());
			const baseline = this.y - this.size;
			this.dots(this.left + indent, this.right, baseline);
			this.y -= this.lineHeight();
		}
	}

	/**
	 * "Label: value" with the value in bold (or regular, for a printed pattern such as
	 * "..../..../......"), or "Label: ......" (a dotted line to the right margin) without one.
	 */
	labelledLine(label: string, value?: string, indent = 0, valueBold = true): void {
		const runs: Run<PDFFont>[] = [{ text: withColon(label) + ' ', font: this.regular }];
		if (value) {
			runs.push({ text: value, font: valueBold ? this.bold : this.regular });
			this.runs(runs, { indent });
			return;
		}
		// Keep the label and its writing line together on one page.
		this.ensureSpace(this.lineHeight() * 2);
		const end = this.runs(runs, { indent });
		if (this.right - end.x >= MIN_FILL) this.dots(end.x + 2, this.right, end.baseline);
		else this.blankLines(1, indent);
	}

	/** "Label:" then `count` boxes, one character per box (ID numbers). */
	boxes(label: string, count: number, value = '', indent = 0): void {
		const rowWidth = count * BOX;
		const height = Math.max(this.lineHeight(), BOX + 4);
		this.ensureSpace(height * 2);
		const text = withColon(label);
		const labelWidth = this.regular.widthOfTextAtSize(text.normalize('NFC'), this.size) + 6;
		const x0 = this.left + indent;
		let x = x0 + labelWidth;
		if (x + rowWidth > this.right) {
			this.paragraph(text, { indent });
			x = x0;
		} else this.page.drawText(text.normalize('NFC'), { x: x0, y: this.y - this.size, size: this.size, font: this.regular });
		this.ensureSpace(height);
		const baseline = this.y - this.size;
		const chars = Array.from(value);
		for (let i = 0; i < count; i++) {
			const bx = x + i * BOX;
			this.page.drawRectangle({ x: bx, y: baseline - 3, width: BOX, height: BOX, borderColor: INK, borderWidth: 0.6 });
			const c = chars[i];
			if (c) {
				const w = this.bold.widthOfTextAtSize(c, this.size);
				this.page.drawText(c, { x: bx + (BOX - w) / 2, y: baseline, size: this.size, font: this.bold });
			}
		}
		this.y -= height;
	}

	/**
	 * Tick boxes with labels, several to a line when they fit; a checked one gets an X.
	 * An item longer than the line wraps with its text indented past the box.
	 */
	checkboxes(items: { label: string; checked?: boolean }[], indent = 0, lead = 0): void {
		const x0 = this.left + indent;
		let x = x0 + lead;
		let open = lead > 0;
		const height = this.lineHeight();
		for (const item of items) {
			const label = item.label.normalize('NFC');
			const w = TICK + 5 + this.regular.widthOfTextAtSize(label, this.size);
			if (open && x + w > this.right) {
				this.y -= height;
				open = false;
				x = x0;
			}
			this.ensureSpace(height);
			const baseline = this.y - this.size;
			this.tick(x, baseline, item.checked);
			if (x0 + w > this.right) {
				// Too long for one line: wrap it beside the box.
				this.runs([{ text: label, font: this.regular }], { indent: indent + TICK + 5 });
				x = x0;
				open = false;
				continue;
			}
			this.page.drawText(label, { x: x + TICK + 5, y: baseline, size: this.size, font: this.regular });
			x += w + CHOICE_GAP;
			open = true;
		}
		if (open) this.y -= height;
	}

	/** "Giới tính: □ Nam □ Nữ" on one line when it fits, else the label with the boxes below it. */
	choices(label: string, items: { label: string; checked?: boolean }[], indent = 0): void {
		const lead = withColon(label).normalize('NFC');
		const leadWidth = this.regular.widthOfTextAtSize(lead, this.size) + 8;
		const itemsWidth = items.reduce(
			(sum, item) => sum + TICK + 5 + this.regular.widthOfTextAtSize(item.label.normalize('NFC'), this.size) + CHOICE_GAP,
			0
		);
		if (this.left + indent + leadWidth + itemsWidth - CHOICE_GAP > this.right) {
			this.paragraph(lead, { indent });
			return this.checkboxes(items, indent + 12);
		}
		this.ensureSpace(this.lineHeight() * 2);
		this.page.drawText(lead, { x: this.left + indent, y: this.y - this.size, size: this.size, font: this.regular });
		this.checkboxes(items, indent, leadWidth);
	}

	private tick(x: number, baseline: number, checked?: boolean): void {
		this.page.drawRectangle({ x, y: baseline - 1, width: TICK, height: TICK, borderColor: INK, borderWidth: 0.6 });
		if (checked) {
			const size = TICK - 1;
			const w = this.bold.widthOfTextAtSize('X', size);
			this.page.drawText('X', { x: x + (TICK - w) / 2, y: baseline + 0.6, size, font: this.bold });
		}
	}

	/** Draw the running header and "page i/n" footer on every page, then serialise. */
	async finish(): Promise<Uint8Array> {
		const pages = this.doc.getPages();
		const small = 8;
		pages.forEach((page, i) => {
			const { header, footer } = this.options;
			if (header) {
				const lines = wrapRuns([{ text: header, font: this.regular }], small, this.width).slice(0, 2);
				lines.forEach((line, n) =>
					page.drawText(line.pieces.map((p) => p.text).join(''), {
						x: this.left,
						y: A4[1] - 26 - n * small * 1.3,
						size: small,
						font: this.regular,
						color: GREY
					})
				);
			}
			if (footer) {
				const text = footer(i + 1, pages.length).normalize('NFC');
				const w = this.regular.widthOfTextAtSize(text, small);
				page.drawText(text, { x: this.right - w, y: 26, size: small, font: this.regular, color: GREY });
			}
		});
		return this.doc.save();
	}
}

/** "Họ, chữ đệm, tên" → "Họ, chữ đệm, tên:"; a label that already ends in punctuation keeps it. */
export function withColon(label: string): string {
	const t = label.trim();
	return /[:?.…]$/.test(t) ? t : `${t}:`;
}
