// `npm run bench`: runs the benchmarks that exist, one after another (bench/README.md says what
// each measures and where its figures are recorded). Names select some of them:
//   npm run bench -- throttled search
// The browser and server benchmarks need a build (`npm run build`; BUILD_DIR is honoured).
// On a shared machine run it under the heavy lock: flock /tmp/dvc-heavy.lock npm run bench
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const buildDir = process.env.BUILD_DIR ?? 'build';
const benchmarks = {
	search: { needsBuild: false, cmd: ['npx', 'vitest', 'bench', '--run', '--config', 'bench/vitest.config.ts'] },
	'search-http': { needsBuild: true, cmd: ['node', 'bench/search-http.mjs'] },
	throttled: { needsBuild: true, cmd: ['node', 'bench/throttled.mjs'] },
	'draft-save': { needsBuild: true, cmd: ['node', 'bench/draft-save.mjs'] },
	submit: { needsBuild: true, cmd: ['node', 'bench/submit.mjs'], env: { BUILD_DIR: buildDir } },
	inbox: { needsBuild: false, cmd: ['npx', 'vitest', 'run', '--config', 'bench/inbox.config.ts'] },
	lookup: { needsBuild: true, cmd: ['npx', 'vitest', 'run', '--config', 'bench/lookup.config.ts'] },
	documents: { needsBuild: false, cmd: ['node', 'bench/documents.mjs'] },
	notifications: { needsBuild: false, cmd: ['npx', 'vitest', 'run', '--config', 'bench/vitest.server.config.ts', 'bench/notifications.run.ts'] },
	ipn: { needsBuild: false, cmd: ['npx', 'vitest', 'run', '--config', 'bench/vitest.server.config.ts', 'bench/ipn.run.ts'] },
	receipt: { needsBuild: false, cmd: ['node', 'bench/receipt.mjs'] }
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !(n in benchmarks));
if (unknown.length) {
	console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`);
	process.exit(2);
}
const names = wanted.length ? wanted : Object.keys(benchmarks);
if (names.some((n) => benchmarks[n].needsBuild) && !existsSync(`${buildDir}/index.js`)) {
	console.error(`No build in ${buildDir}/: run npm run build first.`);
	process.exit(1);
}
const failed = [];
for (const name of names) {
	const { cmd, env } = benchmarks[name];
	console.log(`\n=== bench ${name}: ${cmd.join(' ')}`);
	const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) failed.push(name);
}
if (failed.length) {
	console.error(`\nFailed: ${failed.join(', ')}`);
	process.exit(1);
}
