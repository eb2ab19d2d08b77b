// `npm test`: every check, in the order that fails fastest — the layer lint, the type check
// (svelte-check, after svelte-kit sync: it catches word keys of another area), unit, build,
// integration (SQLite and PostgreSQL), then the browser journeys in Debian's Chromium.
// Ends with one line "N passed, N failed" and a non-zero exit if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = mkdtempSync(join(tmpdir(), 'dvc-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function run(name, cmd, args, env = {}) {
	console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) failures.push(`${name} (exit ${r.status ?? r.signal})`);
	return r.status === 0;
}

function countVitest(file) {
	if (!existsSync(file)) return;
	const j = JSON.parse(readFileSync(file, 'utf8'));
	passed += j.numPassedTests;
	failed += j.numFailedTests;
}

function countPlaywright(file) {
	if (!existsSync(file)) return;
	const j = JSON.parse(readFileSync(file, 'utf8'));
	passed += j.stats.expected + (j.stats.flaky ?? 0);
	failed += j.stats.unexpected;
}

const only = process.argv[2];
const stages = only ? [only] : ['lint', 'check', 'unit', 'build', 'integration', 'e2e'];

if (stages.includes('lint')) run('lint', 'npx', ['eslint', '.']);
// `npm run check` is `svelte-kit sync && svelte-check`: the sync writes .svelte-kit/ (the route
// types and tsconfig) that a fresh clone does not have yet.
if (stages.includes('check')) run('check', 'npm', ['run', 'check']);

if (stages.includes('unit')) {
	run('unit', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${join(report, 'unit.json')}`]);
	countVitest(join(report, 'unit.json'));
}
if (stages.includes('build')) {
	// Only the server may touch the data folder: a build that creates it (e.g. by opening the
	// database while prerendering) fails this stage.
	const dataDir = join(report, 'data-dir-untouched-by-build');
	if (run('build', 'npm', ['run', 'build'], { DATA_DIR: dataDir }) && existsSync(dataDir))
		failures.push(`build (created the data folder ${dataDir}; only the server may)`);
}
if (stages.includes('integration')) {
	run('integration', 'npx', ['vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${join(report, 'integration.json')}`]);
	countVitest(join(report, 'integration.json'));
}
if (stages.includes('e2e')) {
	run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: join(report, 'e2e.json') });
	countPlaywright(join(report, 'e2e.json'));
}
rmSync(report, { recursive: true, force: true });

if (failures.length) console.log(`\nFailed stages: ${failures.join(', ')}`);
if (failures.length && failed === 0) failed = failures.length; // a stage that crashed counts
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
