import { describe, expect, it } from 'vitest';
import { createUuidV7Generator, isUuidV7, uuidv7, uuidV7Timestamp, UUID_V7_PATTERN } from '$lib/domain/uuid';

describe('uuidv7', () => {
	it('has the RFC 9562 version 7 layout (version nibble 7, variant 10xx)', () => {
		for (let i = 0; i < 200; i++) {
			const id = uuidv7();
			expect(id).toMatch(UUID_V7_PATTERN);
			expect(id[14]).toBe('7');
			expect('89ab').toContain(id[19]);
		}
	});

	it('encodes the creation time in the first 48 bits', () => {
		const at = Date.UTC(2025, 6, 1, 8, 30, 0, 123);
		const make = createUuidV7Generator(() => at);
		expect(uuidV7Timestamp(make())).toBe(at);
		// The well-known example from RFC 9562 Appendix A.6: 0x017F22E279B0 = 1645557742000.
		expect(uuidV7Timestamp('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe(1645557742000);
	});

	it('is strictly increasing within one millisecond and across milliseconds', () => {
		let t = 1_700_000_000_000;
		const make = createUuidV7Generator(() => t);
		const ids: string[] = [];
		for (let i = 0; i < 5000; i++) {
			if (i % 1000 === 0) t += 1;
			ids.push(make());
		}
		const sorted = [...ids].sort();
		expect(sorted).toEqual(ids);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('keeps ordering when the clock goes backwards', () => {
		const times = [2000, 1000, 1000];
		const make = createUuidV7Generator(() => times.shift()!);
		const [a, b, c] = [make(), make(), make()];
		expect(a < b && b < c).toBe(true);
	});

	it('rejects things that are not UUIDv7', () => {
		expect(isUuidV7('017f22e2-79b0-4cc3-98c4-dc0c0c07398f')).toBe(false); // v4
		expect(isUuidV7('017f22e2-79b0-7cc3-08c4-dc0c0c07398f')).toBe(false); // bad variant
		expect(isUuidV7(42)).toBe(false);
		expect(() => uuidV7Timestamp('nope')).toThrow(/UUIDv7/);
	});
});
