import { describe, expect, it } from 'vitest';
import { wrapRuns, type MeasuringFont } from '$lib/domain/pdf/wrap';

/** A monospace stand-in: every user-perceived character is `em` × size wide. */
const mono = (em: number): MeasuringFont => ({
	widthOfTextAtSize: (text, size) => Array.from(new Intl.Segmenter('vi').segment(text)).length * em * size
});
const regular = mono(0.5);
const bold = mono(0.6);
const lineText = (line: { pieces: { text: string }[] }) => line.pieces.map((p) => p.text).join('');

describe('wrapRuns', () => {
	it('fills lines greedily and never exceeds the width', () => {
		const lines = wrapRuns([{ text: 'Nơi cư trú hiện tại của người yêu cầu khai sinh', font: regular }], 10, 60);
		expect(lines.map(lineText)).toEqual(['Nơi cư trú', 'hiện tại của', 'người yêu', 'cầu khai', 'sinh']);
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(60);
	});

	it('keeps label and value pieces apart by font, with x offsets along the line', () => {
		const [line] = wrapRuns(
			[
				{ text: 'Họ tên: ', font: regular },
				{ text: 'Nguyễn Văn An', font: bold }
			],
			10,
			500
		);
		expect(line.pieces.map((p) => [p.text, p.font === bold])).toEqual([
			['Họ tên: ', false],
			['Nguyễn Văn An', true]
		]);
		expect(line.pieces[1].x).toBe(40);
	});

	it('uses the narrower first line when a label already sits there', () => {
		const lines = wrapRuns([{ text: 'một hai ba bốn', font: regular }], 10, 100, 20);
		expect(lines.map(lineText)).toEqual(['một', 'hai ba bốn']);
	});

	it('breaks a word longer than the line between characters, never inside one', () => {
		// "ạ́" has no precomposed form: even in NFC it is ạ + a combining acute, one character on paper.
		const word = 'a\u0323\u0301'.repeat(10);
		const lines = wrapRuns([{ text: word, font: regular }], 10, 20);
		expect(lines.map(lineText).join('')).toBe(word.normalize('NFC'));
		expect(lines.map((l) => lineText(l).length)).toEqual([8, 8, 4]);
		for (const line of lines) expect(lineText(line)).toMatch(/^\u1EA1/);
	});

	it('starts a new line at a line break in the text', () => {
		const lines = wrapRuns([{ text: 'Dòng một\nDòng hai', font: regular }], 10, 500);
		expect(lines.map(lineText)).toEqual(['Dòng một', 'Dòng hai']);
	});
});
