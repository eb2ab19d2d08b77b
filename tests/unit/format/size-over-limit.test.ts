import { describe, expect, it } from 'vitest';
import { formatBytes, formatSizeOverLimit } from '$lib/domain/format';

const MiB = 1024 * 1024;

describe('a size over its limit (issue 12, defect 11)', () => {
	it('never reads "10 MB, over the 10 MB limit"', () => {
		const over = formatSizeOverLimit(10 * MiB + 1, 10 * MiB);
		expect(over.size).not.toBe(over.limit);
		expect(over).toEqual({ size: '10.485.761 byte', limit: '10.485.760 byte' });
	});
	it('keeps the short form when the two differ', () => {
		expect(formatSizeOverLimit(12 * MiB, 10 * MiB)).toEqual({ size: '12 MB', limit: '10 MB' });
	});
});

// The one byte formatter (issue 9 item 6): the client's copy is gone; pages pass the language.
describe('sizes for people', () => {
	it('in Vietnamese by default, in English when asked', () => {
		expect(formatBytes(512)).toBe('512 byte');
		expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
		expect(formatBytes(512, 'en')).toBe('512 bytes');
		expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
	});
});
