// `npm run lint` (also the first stage of `npm test`): the lines between the layers of src/lib.
// - domain imports nothing of ours outside domain (and the data files), and no browser or Node API;
// - client and server never import each other; components never import server;
// - pages and components reach the API through $lib/client/api, never by fetch('/api/…');
// - +page.server.ts files stay thin: no Kysely, no database module.
// Only these rules are switched on: style is left to the reviewer, layering to the machine.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteParser from 'svelte-eslint-parser';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'os', 'url', 'child_process', 'stream', 'http', 'https', 'net', 'zlib', 'util', 'buffer'];
const serverImports = ['$lib/server', '$lib/server/*', '**/server/**', '../server', '../../server', 'kysely', 'better-sqlite3', 'pg', '@tus/*', 'nodemailer', 'web-push'];
const clientImports = ['$lib/client', '$lib/client/*', '**/client/**', '../client', '../../client', 'dexie', 'tus-js-client', 'workbox-*'];
const uiImports = ['$lib/components/*', '**/components/**', '$lib/i18n.svelte', '$app/*', 'svelte', 'svelte/*', '@sveltejs/kit'];

const restrict = (message, ...groups) => ({
	'no-restricted-imports': ['error', { patterns: [{ group: groups.flat(), message }] }]
});

const apiFetch = {
	'no-restricted-syntax': [
		'error',
		{
			selector: "CallExpression[callee.name='fetch'] > Literal.arguments:first-child[value=/^\\/api\\//]",
			message: 'Call the API through $lib/client/api (typed, parsed with the wire schemas), not fetch.'
		},
		{
			selector: "CallExpression[callee.name='fetch'] > TemplateLiteral.arguments:first-child > TemplateElement:first-child[value.raw=/^\\/api\\//]",
			message: 'Call the API through $lib/client/api (typed, parsed with the wire schemas), not fetch.'
		}
	]
};

export default [
	{ ignores: ['build/**', 'build-*/**', '.svelte-kit/**', 'node_modules/**', 'data-dir/**', 'static/**', 'test-results/**'] },
	{
		files: ['**/*.ts', '**/*.js', '**/*.mjs'],
		languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		plugins: { svelte },
		languageOptions: { parser: svelteParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } }
	},
	{
		files: ['src/lib/domain/**'],
		rules: {
			...restrict('domain is pure TypeScript shared by page, worker and server: it imports only domain and data.', serverImports, clientImports, uiImports, nodeBuiltins),
			'no-restricted-globals': [
				'error',
				...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
					name,
					message: 'domain runs in the browser, the service worker and Node alike: no environment API here.'
				}))
			]
		}
	},
	{
		files: ['src/lib/client/**'],
		rules: restrict('client is browser code: it never imports the server or UI components.', serverImports, ['$lib/components/*', '**/components/**'])
	},
	{
		files: ['src/lib/server/**'],
		rules: restrict('server is Node code: it never imports browser code or UI components.', clientImports, ['$lib/components/*', '**/components/**'])
	},
	{
		files: ['src/lib/components/**'],
		rules: { ...restrict('components run in the browser: they never import the server.', serverImports), ...apiFetch }
	},
	{ files: ['src/routes/**/*.svelte', 'src/routes/**/+page.ts', 'src/routes/**/+layout.ts', 'src/lib/client/**'], ignores: ['src/lib/client/api.ts'], rules: apiFetch },
	{
		files: ['src/routes/**/+page.server.ts', 'src/routes/**/+layout.server.ts'],
		rules: restrict('Keep pages thin: call a service in $lib/server, not the database.', ['kysely', '$lib/server/db', '$lib/server/db/*'])
	},
	{
		files: ['src/service-worker.ts'],
		rules: restrict('The service worker is browser code: it never imports the server.', serverImports)
	}
];
