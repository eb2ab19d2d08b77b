/**
 * The officer inbox with 10,000 dossiers (issue 11): time of the first page (the counts per
 * status, the total and 50 rows), of the last page, of a status filter and of a search by
 * name and by code, through `officerInbox` — the function GET /api/officer/dossiers and the
 * /officer page run — on SQLite and on PostgreSQL. The desk's agency holds 10,000 dossiers
 * among 30,000 (20,000 at two other agencies), as a busy ward would in a year or two.
 * Each figure is the median of 15 runs after 3 warm-ups. Prints a table; asserts nothing
 * about time (see bench/README.md for the recorded figures).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { syncAgencies } from '$lib/server/agencies';
import { officerInbox } from '$lib/server/workflow/inbox';
import { availableDialects, createTestDatabase, type TestDatabase } from '../tests/integration/helpers/databases';
import { citizen, createOfficer, POLICE_SOC_SON } from '../tests/integration/workflow/fixtures';
import { insertDossiers } from '../tests/integration/workflow/many-dossiers';

const DESK = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const OTHERS = ['C02.12.30.H26', 'C03.13.30.H26'];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NOW = new Date('2026-06-01T03:00:00Z');
const rows: string[] = [];

async function median(fn: () => Promise<unknown>): Promise<number> {
	for (let i = 0; i < 3; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

/** Status mix of a working desk: most returned, a tenth still open, some refused or withdrawn. */
const statusOf = (i: number) => [10, 10, 10, 10, 10, 10, 10, 1, 4, 5, 2, 9, 3, 7, 8, 10, 10, 10, 6, 10][i % 20];
const dayOf = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 180) * 86_400_000).toISOString().slice(0, 10);

for (const dialect of availableDialects()) {
	describe(`officer inbox, ${DESK} dossiers at the desk (${dialect})`, () => {
		let database: TestDatabase;
		let officer: Awaited<ReturnType<typeof createOfficer>>;
		let someCode = '';
		beforeAll(async () => {
			database = await createTestDatabase(dialect);
			const { db } = database;
			await syncAgencies(db);
			const owner = await citizen(db, 'A');
			officer = await createOfficer(db, POLICE_SOC_SON);
			const t0 = performance.now();
			const made = await insertDossiers(db, {
				agencyCode: POLICE_SOC_SON,
				ownerId: owner.id,
				count: DESK,
				status: statusOf,
				appointmentDate: dayOf,
				applicant: (i) => ({ name: `Nguyễn Văn Số ${i}`, idNumber: `001090${String(i).padStart(6, '0')}` })
			});
			for (const [k, agencyCode] of OTHERS.entries())
				await insertDossiers(db, { agencyCode, ownerId: owner.id, count: DESK, status: statusOf, appointmentDate: dayOf, sequenceFrom: 100_000 * (k + 1) });
			someCode = made[DESK - 7].code;
			console.log(`${dialect}: ${DESK * 3} dossiers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
		});
		afterAll(async () => {
			await database?.close();
		});

		it('measures', async () => {
			const { db } = database;
			const ask = (params: Record<string, string>) => officerInbox(db, officer, new URLSearchParams(params), NOW);
			const first = await ask({});
			const lastPage = String(Math.ceil(first.total / first.pageSize));
			const cases: [string, Record<string, string>][] = [
				[`first page (open: ${first.total} of ${DESK})`, {}],
				[`last page (${lastPage})`, { page: lastPage }],
				[`status 10 (${first.counts['10']}), first page`, { status: '10' }],
				[`status 10, page 100`, { status: '10', page: '100' }],
				['search by name "nguyen van so 123" (open)', { q: 'nguyen van so 123' }],
				['search by name, status 10', { q: 'nguyen van so 123', status: '10' }],
				['search by code (status 10)', { q: someCode, status: '10' }]
			];
			for (const [what, params] of cases) {
				const ms = await median(() => ask(params));
				rows.push(`| ${dialect} | ${what} | ${ms.toFixed(1)} ms |`);
			}
		});
	});
}

afterAll(() => {
	console.log(['', `Officer inbox, ${DESK} dossiers at the desk, ${DESK * 3} in all; median of ${RUNS}:`, '| database | query | time |', '|---|---|---|', ...rows].join('\n'));
});
