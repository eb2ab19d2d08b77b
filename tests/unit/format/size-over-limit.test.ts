import { describe, expect, it } from 'vitest';
import { formatSizeOverLimit } from '$lib/domain/format';

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
