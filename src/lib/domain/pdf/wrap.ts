/**
 * Greedy word wrapping of mixed-font text ("Họ, chữ đệm, tên: " regular + the answer in bold)
 * into lines that fit a width. Pure: it only asks the font for text widths, so it is shared by
 * every PDF this app builds (declaration, receipt).
 */

/** What wrapping needs from a font; pdf-lib's PDFFont satisfies it. */
export interface MeasuringFont {
	widthOfTextAtSize(text: string, size: number): number;
}

export interface Run<F extends MeasuringFont = MeasuringFont> {
	text: string;
	font: F;
}

/** A piece of one output line: consecutive words in the same font, drawn with one call. */
export interface Piece<F extends MeasuringFont = MeasuringFont> {
	text: string;
	font: F;
	x: number;
	width: number;
}

export interface WrappedLine<F extends MeasuringFont = MeasuringFont> {
	pieces: Piece<F>[];
	width: number;
}

const segmenter =
	typeof Intl !== 'undefined' && 'Segmenter' in Intl
		? new Intl.Segmenter('vi', { granularity: 'grapheme' })
		: undefined;

/** User-perceived characters, so a forced break never separates a letter from its tone mark. */
function graphemes(word: string): string[] {
	return segmenter ? Array.from(segmenter.segment(word), (s) => s.segment) : Array.from(word);
}

/**
 * Wrap runs of text. `firstWidth` is the room on the first line (a label may already sit
 * there), `width` the room on every following line. Whitespace collapses to one space;
 * a word longer than a whole line is broken between characters.
 */
export function wrapRuns<F extends MeasuringFont>(
	runs: Run<F>[],
	size: number,
	width: number,
	firstWidth = width
): WrappedLine<F>[] {
	const lines: WrappedLine<F>[] = [];
	let line: WrappedLine<F> = { pieces: [], width: 0 };
	let pendingSpace: F | undefined;
	const room = () => (lines.length === 0 ? firstWidth : width);

	const append = (text: string, font: F, w: number) => {
		const last = line.pieces.at(-1);
		if (last && last.font === font) {
			last.text += text;
			last.width += w;
		} else line.pieces.push({ text, font, x: line.width, width: w });
		line.width += w;
	};
	const breakLine = () => {
		lines.push(line);
		line = { pieces: [], width: 0 };
		pendingSpace = undefined;
	};
	const placeWord = (word: string, font: F) => {
		const w = font.widthOfTextAtSize(word, size);
		const space = pendingSpace && line.pieces.length ? pendingSpace.widthOfTextAtSize(' ', size) : 0;
		if (line.width + space + w <= room()) {
			if (space) append(' ', pendingSpace!, space);
			append(word, font, w);
			pendingSpace = undefined;
			return;
		}
		if (line.pieces.length) {
			breakLine();
			placeWord(word, font);
			return;
		}
		// Alone on a line and still too wide: break between characters.
		let chunk = '';
		for (const g of graphemes(word)) {
			if (chunk && font.widthOfTextAtSize(chunk + g, size) > room()) {
				append(chunk, font, font.widthOfTextAtSize(chunk, size));
				breakLine();
				chunk = '';
			}
			chunk += g;
		}
		if (chunk) append(chunk, font, font.widthOfTextAtSize(chunk, size));
		pendingSpace = undefined;
	};

	for (const run of runs) {
		const text = run.text.normalize('NFC');
		for (const token of text.split(/(\s+)/)) {
			if (!token) continue;
			if (/^\s+$/.test(token)) {
				if (token.includes('\n')) breakLine();
				else pendingSpace = run.font;
			} else placeWord(token, run.font);
		}
	}
	if (line.pieces.length || lines.length === 0) lines.push(line);
	return lines;
}
