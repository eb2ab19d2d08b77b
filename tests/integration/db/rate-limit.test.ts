import { describe, expect, it } from 'vitest';
import { hitRateLimit, resetRateLimit } from '$lib/server/rate-limit';
import { forEachDatabase } from '../helpers/databases';

const rule = { limit: 3, windowMs: 60_000 };
const at = (iso: string) => new Date(iso);

describe('rate limits', () => {
	forEachDatabase((t) => {
		it('allows the limit, refuses the next hit and says when to retry', async () => {
			const { db } = t();
			const now = at('2026-01-01T10:00:15.000Z');
			const counts = [];
			for (let i = 0; i < 4; i++) counts.push(await hitRateLimit(db, 'k', rule, now));
			expect(counts.map((c) => c.allowed)).toEqual([true, true, true, false]);
			expect(counts[3]).toMatchObject({ count: 4, retryAfterMs: 45_000 });
		});

		it('starts again in the next window and keeps keys apart', async () => {
			const { db } = t();
			for (let i = 0; i < 4; i++) await hitRateLimit(db, 'k', rule, at('2026-01-01T10:00:59.000Z'));
			expect((await hitRateLimit(db, 'other', rule, at('2026-01-01T10:00:59.000Z'))).count).toBe(1);
			const next = await hitRateLimit(db, 'k', rule, at('2026-01-01T10:01:00.000Z'));
			expect(next).toMatchObject({ allowed: true, count: 1 });
			await resetRateLimit(db, 'other');
			expect((await hitRateLimit(db, 'other', rule, at('2026-01-01T10:01:00.000Z'))).count).toBe(1);
		});

		it('shares counters between two independent connections (two app instances)', async () => {
			const database = t();
			const other = database.openAnother();
			const now = at('2026-01-01T10:00:00.000Z');
			// Interleaved and concurrent hits from both instances must all be counted.
			const hits = await Promise.all(
				Array.from({ length: 20 }, (_, i) => hitRateLimit(i % 2 ? other.db : database.db, 'shared', { limit: 15, windowMs: 60_000 }, now))
			);
			expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
			expect(hits.filter((h) => !h.allowed)).toHaveLength(5);
		});
	});
});
