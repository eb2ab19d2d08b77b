/**
 * Issue 13: the browser's JavaScript in few files (scripts/chunks.js). Where a module goes follows
 * from which route files reach it through static imports; checked here on a small graph shaped
 * like the app's.
 */
import { describe, expect, it } from 'vitest';
import { groupOf } from '../../../scripts/chunks.js';

const R = '/app/src/routes';
const graph: Record<string, { importers: string[]; isEntry?: boolean }> = {
	'/app/.svelte-kit/generated/client-optimized/app.js': { importers: [], isEntry: true },
	'/app/.svelte-kit/generated/client-optimized/nodes/0.js': { importers: [], isEntry: true },
	'/app/.svelte-kit/generated/root.svelte': { importers: ['/app/.svelte-kit/generated/client-optimized/app.js'] },
	[`${R}/+layout.svelte`]: { importers: ['/app/.svelte-kit/generated/client-optimized/nodes/0.js'] },
	[`${R}/+page.svelte`]: { importers: ['nodes/3.js'] },
	[`${R}/procedures/+page.svelte`]: { importers: ['nodes/24.js'] },
	[`${R}/procedures/[code]/+page.svelte`]: { importers: ['nodes/25.js'] },
	[`${R}/procedures/[code]/apply/+page.svelte`]: { importers: ['nodes/26.js'] },
	[`${R}/drafts/[id]/+page.svelte`]: { importers: ['nodes/20.js'] },
	[`${R}/outbox/+page.svelte`]: { importers: ['nodes/22.js'] },
	[`${R}/signin/+page.svelte`]: { importers: ['nodes/30.js'] },
	'/app/node_modules/@sveltejs/kit/src/runtime/app/forms.js': { importers: [`${R}/signin/+page.svelte`] },
	'/app/node_modules/svelte/src/internal/client/index.js': { importers: [`${R}/drafts/[id]/+page.svelte`] },
	'/app/src/lib/i18n.svelte.ts': { importers: [`${R}/+layout.svelte`, `${R}/drafts/[id]/+page.svelte`] },
	'/app/src/lib/client/api/request.ts': { importers: [`${R}/procedures/[code]/+page.svelte`, '/app/src/lib/client/db/idb.ts'] },
	'/app/src/lib/client/db/idb.ts': { importers: ['/app/src/lib/client/db/live.ts', `${R}/outbox/+page.svelte`] },
	'/app/src/lib/client/db/live.ts': { importers: [`${R}/drafts/[id]/+page.svelte`, '/app/src/lib/client/db/idb.ts'] },
	'/app/src/lib/domain/calendar.ts': { importers: [`${R}/procedures/[code]/+page.svelte`, `${R}/outbox/+page.svelte`] },
	'/app/src/lib/client/pdf/download.ts': { importers: [] },
	'/app/node_modules/pdf-lib/cjs/index.js': { importers: [`${R}/drafts/[id]/+page.svelte`] }
};
const info = (id: string) => (graph[id] ? { isEntry: false, ...graph[id] } : null);
const place = (id: string) => groupOf(id, info);

describe('the browser chunks (scripts/chunks.js)', () => {
	it('puts what every page runs in base: the framework and what the root layout and the app start import', () => {
		expect(place('/app/node_modules/svelte/src/internal/client/index.js')).toBe('base');
		expect(place('/app/src/lib/i18n.svelte.ts')).toBe('base');
		expect(place(`${R}/+layout.svelte`)).toBe('base');
		expect(place('/app/.svelte-kit/generated/root.svelte')).toBe('base');
	});

	it('puts what the form alone needs in form, its page included, also when an import cycle leads there', () => {
		expect(place(`${R}/drafts/[id]/+page.svelte`)).toBe('form');
		expect(place(`${R}/procedures/[code]/apply/+page.svelte`)).toBe('form');
		expect(place('/app/src/lib/client/db/live.ts')).toBe('form');
		expect(place('/app/src/lib/client/db/idb.ts')).toBe('form');
	});

	it('puts what the form and the first visit both need in base, so the form does not wait for the first visit\'s pages', () => {
		expect(place('/app/src/lib/client/api/request.ts')).toBe('base');
	});

	it('leaves to the bundler the first visit\'s own code, code only imported dynamically, the PDF engine and entries', () => {
		expect(place(`${R}/procedures/[code]/+page.svelte`)).toBeNull();
		expect(place('/app/src/lib/domain/calendar.ts')).toBeNull();
		expect(place('/app/src/lib/client/pdf/download.ts')).toBeNull();
		expect(place('/app/node_modules/pdf-lib/cjs/index.js')).toBeNull();
		expect(place('/app/.svelte-kit/generated/client-optimized/app.js')).toBeNull();
		expect(place(`${R}/outbox/+page.svelte`)).toBeNull();
	});

	it('leaves to the bundler framework code that only pages past the first visit and the form import', () => {
		expect(place('/app/node_modules/@sveltejs/kit/src/runtime/app/forms.js')).toBeNull();
	});
});
