/**
 * UUID version 7 (RFC 9562 §5.7): 48-bit Unix time in milliseconds, then random bits.
 * Ids made on the device sort by creation time, so a draft's id can be created offline
 * and still be a good primary key on the server (B-tree friendly, no coordination).
 *
 * Pure: uses only `crypto.getRandomValues`, present in browsers, service workers and
 * Node ≥ 19 as a global. Within one millisecond the 12-bit `rand_a` field is used as a
 * counter (RFC 9562 §6.2, method 3 "replace leftmost random bits with increased clock
 * precision" variant), so ids made by one generator are strictly increasing.
 */

export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface UuidV7Generator {
	(): string;
}

/**
 * Makes a generator with its own monotonic state. `now` and `random` are injectable so
 * tests can pin the clock; production code uses the shared `uuidv7` below.
 */
export function createUuidV7Generator(
	now: () => number = Date.now,
	random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)
): UuidV7Generator {
	let lastMs = -1;
	let counter = 0; // 12 bits, lives in rand_a

	return () => {
		let ms = Math.max(0, Math.floor(now()));
		const bytes = random(new Uint8Array(16));
		if (ms > lastMs) {
			// Fresh millisecond: start the counter at a random point in the lower half so
			// there is room to count up without overflowing.
			counter = ((bytes[6] << 8) | bytes[7]) & 0x7ff;
		} else {
			// Same millisecond (or the clock went back): keep ordering by counting up.
			ms = lastMs;
			counter++;
			if (counter > 0xfff) {
				ms = lastMs + 1;
				counter = 0;
			}
		}
		lastMs = ms;

		// unix_ts_ms, big-endian, 48 bits. Division keeps it exact past 2^32.
		const high = Math.floor(ms / 2 ** 16);
		bytes[0] = (high >>> 24) & 0xff;
		bytes[1] = (high >>> 16) & 0xff;
		bytes[2] = (high >>> 8) & 0xff;
		bytes[3] = high & 0xff;
		bytes[4] = (ms >>> 8) & 0xff;
		bytes[5] = ms & 0xff;
		bytes[6] = 0x70 | ((counter >>> 8) & 0x0f); // version 7
		bytes[7] = counter & 0xff;
		bytes[8] = 0x80 | (bytes[8] & 0x3f); // variant 10xx

		const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	};
}

/** A new UUIDv7 string, lower-case, e.g. "0190f5c2-7a3b-7c41-9d2e-5b6a7c8d9e0f". */
export const uuidv7: UuidV7Generator = createUuidV7Generator();

export function isUuidV7(value: unknown): value is string {
	return typeof value === 'string' && UUID_V7_PATTERN.test(value);
}

/** The creation time (ms since epoch) encoded in a UUIDv7. */
export function uuidV7Timestamp(id: string): number {
	if (!isUuidV7(id)) throw new Error(`Mã định danh không đúng dạng UUIDv7: "${id}"`);
	return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
