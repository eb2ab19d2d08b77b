/**
 * Two server processes numbering dossiers for the same agency and day at the same time:
 * every code must be distinct and the sequence must run 1..N without gaps. Throughput is
 * printed for the benchmark notes, never asserted.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDossierCode } from '$lib/domain/dossier';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, MONDAY_10AM, POLICE_SOC_SON } from './fixtures';

const run = promisify(execFile);
const worker = join(import.meta.dirname, 'submit-worker.mjs');
const TOTAL = 500;

describe('concurrent dossier codes', () => {
	forEachDatabase((t) => {
		it(`gives ${TOTAL} dossiers from two processes ${TOTAL} distinct codes numbered 1..${TOTAL}`, { timeout: 180_000 }, async () => {
			const database = t();
			const accountId = await createAccount(database.db, 'A');
			// Both processes start submitting at the same moment, after Vite has loaded in each.
			const startAt = Date.now() + 8000;
			const job = (count: number) => JSON.stringify({ target: database.target, accountId, count, now: MONDAY_10AM.toISOString(), startAt });
			const results = await Promise.all(
				[TOTAL / 2, TOTAL / 2].map(async (count) => JSON.parse((await run('node', [worker, job(count)], { maxBuffer: 1 << 24 })).stdout.trim().split('\n').pop()!))
			);
			const codes: string[] = results.flatMap((r) => r.codes);
			expect(codes).toHaveLength(TOTAL);
			expect(new Set(codes).size).toBe(TOTAL);
			const sequences = codes.map((c) => parseDossierCode(c)!.sequence).sort((a, b) => a - b);
			expect(sequences).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
			expect(codes.every((c) => c.startsWith(`${POLICE_SOC_SON}-260302-`))).toBe(true);
			const rows = await database.db.selectFrom('dossiers').select('code').execute();
			expect(rows).toHaveLength(TOTAL);
			const slowest = Math.max(...results.map((r) => r.ms));
			console.log(`[bench] ${database.dialect}: ${TOTAL} submissions from 2 processes in ${slowest.toFixed(0)} ms → ${((TOTAL / slowest) * 1000).toFixed(0)}/s`);
		});
	});
});
