/**
 * Tra cứu hồ sơ over HTTP (issue 11: "lookup requests per second on both"): GET /api/lookup
 * against the production build started as `npm start` starts it (scripts/start.js: compression
 * and security headers included), on SQLite and on PostgreSQL (the integration tests'
 * throwaway cluster), with 10,000 dossiers of 2,000 citizens at five agencies in the database.
 *
 * Anonymous callers, as the /lookup page and an SMS link are used: 8 in 10 ask by an existing
 * dossier code, 1 in 10 by an existing ID number (5 dossiers each), 1 in 10 by a code that does
 * not exist. Every anonymous lookup is counted against its address in the database (30 per 10
 * minutes, `rateLimits.lookupPerAddress`): the limit stays on. The server runs behind a
 * pretend proxy (`ADDRESS_HEADER=X-Forwarded-For XFF_DEPTH=1`, the README's documented setting)
 * and each request names its client in X-Forwarded-For; a client address is used for at most
 * 25 lookups, so the figures include the limiter's upsert on every request and no answer is a
 * 429; at the end one more address asks 31 times and must see its 31st refused (429), so the
 * limit was on. CONCURRENCY connections each send the next request as soon as the last answer is read,
 * for BENCH_SECONDS (10) after a 2 s warm-up; concurrency 10 and 50 (BENCH_CONCURRENCY="10,50").
 * It also prints the query plans (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE) of the lookup statement.
 *
 *   npm run build
 *   flock /tmp/dvc-heavy.lock npx vitest run --config bench/lookup.config.ts   # or: npm run bench -- lookup
 *
 * Fails if any answer is not 200, a hit is not found or a miss is. Asserts nothing about time.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { syncAgencies } from '$lib/server/agencies';
import type { Database } from '$lib/server/db/types';
import { lookupQuery } from '$lib/server/lookup';
import { startBuiltServer } from '../tests/integration/access/built-server';
import { availableDialects, createTestDatabase } from '../tests/integration/helpers/databases';
import { insertDossiers } from '../tests/integration/workflow/many-dossiers';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const CITIZENS = DOSSIERS / 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '10,50').split(',').map(Number);
/** Lookups per pretend client address: under the 30 per 10 minutes an address may make. */
const PER_ADDRESS = 25;
const AGENCIES = [
	['C01.11.30.H26', 'Công an xã Sóc Sơn'],
	['001.11.30.H26', 'UBND xã Sóc Sơn'],
	['C02.12.30.H26', 'Công an xã Đông Anh'],
	['002.12.30.H26', 'UBND xã Đông Anh'],
	['000.00.14.H26', 'Sở Tư pháp thành phố Hà Nội']
] as const;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Đức Dũng', 'Thu Hà', 'Quang Huy', 'Ngọc Lan', 'Thanh Sơn'];

const rows: string[] = [];
const plans: string[] = [];

const idNumberOf = (i: number) => `0010950${String(i).padStart(5, '0')}`;

async function seed(db: Kysely<Database>): Promise<{ codes: string[] }> {
	await syncAgencies(db);
	const now = new Date().toISOString();
	const accounts = Array.from({ length: CITIZENS }, (_, i) => ({
		id: randomUUID(),
		role: 'citizen' as const,
		agency_code: null,
		full_name: `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]} ${i}`,
		id_number: idNumberOf(i),
		pending_id_number: null,
		date_of_birth: '1990-05-15',
		sex: 'nam' as const,
		phone: `098${String(i).padStart(7, '0')}`,
		email: null,
		permanent_address: null,
		password_hash: 'x',
		status: 'active' as const,
		created_at: now,
		updated_at: now
	}));
	for (let i = 0; i < accounts.length; i += 500) await db.insertInto('accounts').values(accounts.slice(i, i + 500)).execute();
	const codes: string[] = [];
	const perAgency = DOSSIERS / AGENCIES.length;
	for (const [k, [agencyCode, agencyName]] of AGENCIES.entries()) {
		const made = await insertDossiers(db, {
			agencyCode,
			ownerId: accounts[0].id,
			// Each citizen has one dossier at each agency.
			owner: (i) => accounts[i % CITIZENS].id,
			count: perAgency,
			status: (i) => [1, 2, 4, 5, 10, 10, 10, 10][i % 8],
			appointmentDate: (i) => new Date(Date.UTC(2026, 2, 5) + (i % 120) * 86_400_000).toISOString().slice(0, 10),
			applicant: (i) => ({ name: accounts[i % CITIZENS].full_name, idNumber: idNumberOf(i % CITIZENS) }),
			receipt: { procedureName: 'Đăng ký tạm trú', agencyName },
			receivedFrom: `2026-0${3 + k}-02`
		});
		codes.push(...made.map((m) => m.code));
	}
	return { codes };
}

async function explain(db: Kysely<Database>, dialect: string, what: string, compiled: CompiledQuery): Promise<void> {
	const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, costs off, timing off, summary off) ';
	const result = await db.executeQuery(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
	const lines = result.rows.map((r) => {
		const row = r as Record<string, unknown>;
		return String(row.detail ?? row['QUERY PLAN']);
	});
	plans.push(`${dialect}, ${what}:\n    ${lines.join('\n    ')}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

for (const dialect of availableDialects()) {
	describe(`GET /api/lookup over HTTP, ${DOSSIERS} dossiers (${dialect})`, () => {
		it('measures requests per second and latency at each concurrency', async () => {
			const database = await createTestDatabase(dialect);
			const t0 = performance.now();
			const { codes } = await seed(database.db);
			if (dialect === 'postgres') await database.db.executeQuery(CompiledQuery.raw('analyze'));
			console.log(`${dialect}: ${DOSSIERS} dossiers and ${CITIZENS} citizens written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

			await explain(database.db, dialect, 'by code', lookupQuery(database.db, { code: codes[1234] }).compile());
			await explain(database.db, dialect, 'by ID number', lookupQuery(database.db, { idNumber: idNumberOf(77) }).compile());

			const url = database.target.dialect === 'sqlite' ? database.target.filename : database.target.connectionString;
			const server = await startBuiltServer({ DATABASE_URL: url, ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' }, 'start');
			try {
				let addressSeq = 0;
				let usedOfAddress = PER_ADDRESS;
				let address = '';
				const nextAddress = () => {
					if (usedOfAddress++ < PER_ADDRESS) return address;
					usedOfAddress = 1;
					const n = ++addressSeq;
					address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
					return address;
				};
				let pick = 0;
				const nextQuery = (): { query: string; expect: number } => {
					const i = pick++;
					const r = (i * 7919) % 10;
					if (r === 0) return { query: `idNumber=${idNumberOf((i * 31) % CITIZENS)}`, expect: AGENCIES.length };
					if (r === 1) return { query: `code=${encodeURIComponent(codes[(i * 13) % codes.length].replace(/\d{4}$/, '9998'))}`, expect: 0 };
					return { query: `code=${encodeURIComponent(codes[(i * 7) % codes.length])}`, expect: 1 };
				};
				const load = async (concurrency: number, until: number) => {
					const latencies: number[] = [];
					const failures: string[] = [];
					const client = async () => {
						while (performance.now() < until) {
							const { query, expect: count } = nextQuery();
							const started = performance.now();
							const answer = await fetch(`${server.origin}/api/lookup?${query}`, {
								headers: { accept: 'application/json', 'accept-encoding': 'gzip, br', 'x-forwarded-for': nextAddress() }
							}).catch((e: Error) => e);
							const body = answer instanceof Response ? await answer.text() : '';
							latencies.push(performance.now() - started);
							if (!(answer instanceof Response) || answer.status !== 200) failures.push(answer instanceof Response ? `${answer.status} ${body.slice(0, 200)}` : String(answer));
							else if ((JSON.parse(body) as unknown[]).length !== count) failures.push(`${query}: ${body.slice(0, 200)}`);
						}
					};
					await Promise.all(Array.from({ length: concurrency }, client));
					return { latencies, failures };
				};

				for (const concurrency of CONCURRENCIES) {
					await load(concurrency, performance.now() + WARMUP_SECONDS * 1000);
					const loadBefore = loadavg()[0];
					const started = performance.now();
					const { latencies, failures } = await load(concurrency, started + SECONDS * 1000);
					const elapsed = (performance.now() - started) / 1000;
					const sorted = latencies.sort((a, b) => a - b);
					rows.push(
						`| ${dialect} | ${concurrency} | ${latencies.length} | ${failures.length} | ${Math.round(latencies.length / elapsed)} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 95).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)} |`
					);
					expect(failures.slice(0, 5)).toEqual([]);
				}
				console.log(`${dialect}: ${addressSeq} client addresses used`);
				// The limit was on all along: one more address asks 31 times, the 31st is refused.
				const statuses: number[] = [];
				for (let i = 0; i < 31; i++) {
					const answer = await fetch(`${server.origin}/api/lookup?code=${encodeURIComponent(codes[i])}`, { headers: { accept: 'application/json', 'x-forwarded-for': '192.0.2.77' } });
					await answer.arrayBuffer();
					statuses.push(answer.status);
				}
				expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
				expect(statuses[30]).toBe(429);
			} finally {
				await server.stop();
				await database.close();
			}
		});
	});
}

afterAll(() => {
	console.log(
		[
			'',
			`GET /api/lookup, ${DOSSIERS} dossiers of ${CITIZENS} citizens at ${AGENCIES.length} agencies; ${SECONDS} s per row after ${WARMUP_SECONDS} s warm-up:`,
			'| database | connections | requests | failures | requests/s | median | p95 | p99 | load average |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---|',
			...rows,
			'',
			'Query plans of the lookup statement:',
			...plans
		].join('\n')
	);
});
