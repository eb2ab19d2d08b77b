/**
 * The lint rule that keeps the layers of src/lib apart (eslint.config.js) really fires: each
 * planted violation below is linted as if it were a file at that path, and must be refused.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path });
	return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads the parsers and plugins: seconds on a busy machine, so no 5 s default.
describe('layer rules', { timeout: 60_000 }, () => {
	it.each([
		['src/lib/domain/planted.ts', "import { openDatabase } from '$lib/server/db';\nexport const x = openDatabase;", 'no-restricted-imports'],
		['src/lib/domain/planted.ts', "import { api } from '../client/api';\nexport const x = api;", 'no-restricted-imports'],
		['src/lib/domain/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
		['src/lib/domain/planted.ts', 'export const x = () => localStorage.getItem("a");', 'no-restricted-globals'],
		['src/lib/client/planted.ts', "import { ApiError } from '$lib/server/http/api-error';\nexport const x = ApiError;", 'no-restricted-imports'],
		['src/lib/server/planted.ts', "import { api } from '$lib/client/api';\nexport const x = api;", 'no-restricted-imports'],
		['src/lib/components/Planted.svelte', "<script lang=\"ts\">\n\timport { serverContext } from '$lib/server/context';\n\tvoid serverContext;\n</script>", 'no-restricted-imports'],
		['src/lib/components/Planted.svelte', "<script lang=\"ts\">\n\tvoid fetch('/api/session');\n</script>", 'no-restricted-syntax'],
		['src/routes/planted/+page.svelte', '<script lang="ts">\n\tconst id = 1;\n\tvoid fetch(`/api/dossiers/${id}`);\n</script>', 'no-restricted-syntax'],
		['src/routes/planted/+page.server.ts', "import { sql } from 'kysely';\nexport const x = sql;", 'no-restricted-imports']
	])('refuses %s: %j', async (path, code, rule) => {
		expect((await problems(path, code)).join('\n')).toContain(`${rule}:`);
	});

	it('accepts what each layer may do', async () => {
		expect(await problems('src/lib/domain/planted.ts', "import { formatDate } from './time';\nexport const x = formatDate;")).toEqual([]);
		expect(await problems('src/lib/client/planted.ts', "import { formatDate } from '$lib/domain/time';\nexport const x = formatDate;")).toEqual([]);
		expect(await problems('src/routes/planted/+page.svelte', "<script lang=\"ts\">\n\timport { api } from '$lib/client/api';\n\tvoid api.session();\n</script>")).toEqual([]);
	});
});
