/**
 * Issue 12, defect 9: the pages' CSP allows no eval, so the browser app turns zod's compiled
 * parsers off (src/hooks.client.ts) by writing to zod's global config object instead of
 * importing zod there. This checks that zod reads that object, whether it loads before or
 * after the hook, and then never builds a function from a string while parsing.
 */
import { describe, expect, it } from 'vitest';

describe('zod without eval in the browser', () => {
	it('the client hook turns jitless on in the config zod reads, and an object parse builds no Function', async () => {
		await import('../../../src/hooks.client');
		const z = await import('zod/mini');
		expect(z.config().jitless).toBe(true);

		const original = globalThis.Function;
		let built = 0;
		globalThis.Function = new Proxy(original, {
			construct(target, args) {
				built += 1;
				return Reflect.construct(target, args);
			},
			apply(target, self, args) {
				built += 1;
				return Reflect.apply(target, self, args);
			}
		});
		try {
			const schema = z.object({ name: z.string(), items: z.array(z.object({ n: z.number() })) });
			for (let i = 0; i < 5; i++) expect(schema.parse({ name: 'An', items: [{ n: i }] })).toEqual({ name: 'An', items: [{ n: i }] });
		} finally {
			globalThis.Function = original;
		}
		expect(built).toBe(0);
	});
});
