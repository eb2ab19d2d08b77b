/**
 * The form from a link reads one procedure three times in seconds (procedure page, apply page,
 * draft page); on 2G each read asked again cost a round trip before the form showed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueApi as server } from '$lib/server/catalogue-api';
import { catalogueApi, forgetProcedures, PROCEDURE_REUSE_MS } from '$lib/client/api/catalogue';

const asked: string[] = [];
let down = false;
const fetcher = (async (url: string) => {
	asked.push(url);
	if (down) throw new TypeError('Failed to fetch');
	const { status, body } = server.get(decodeURIComponent(url.split('/').pop()!));
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}) as unknown as typeof fetch;

describe('a procedure read in a tab', () => {
	beforeEach(() => {
		vi.stubGlobal('window', {});
		vi.useFakeTimers({ toFake: ['Date'] });
		asked.length = 0;
		down = false;
		forgetProcedures();
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('is asked once for the apply page and the draft page, and again after a minute', async () => {
		const first = await catalogueApi(fetcher).getProcedure('1.001193');
		expect(first.code).toBe('1.001193');
		expect((await catalogueApi(fetcher).getProcedure('1.001193')).code).toBe('1.001193');
		expect(asked).toEqual(['/api/procedures/1.001193']);
		vi.setSystemTime(Date.now() + PROCEDURE_REUSE_MS + 1);
		await catalogueApi(fetcher).getProcedure('1.001193');
		expect(asked).toHaveLength(2);
	});

	it('is asked again after a failed read, and an unknown code stays refused', async () => {
		down = true;
		await expect(catalogueApi(fetcher).getProcedure('1.001193')).rejects.toThrow();
		down = false;
		expect((await catalogueApi(fetcher).getProcedure('1.001193')).code).toBe('1.001193');
		expect(asked).toHaveLength(2);
		await expect(catalogueApi(fetcher).getProcedure('9.999999')).rejects.toMatchObject({ status: 404 });
		await expect(catalogueApi(fetcher).getProcedure('9.999999')).rejects.toMatchObject({ status: 404 });
		expect(asked).toHaveLength(4);
	});

	it('is never kept on the server, whose module every request shares', async () => {
		vi.unstubAllGlobals();
		await catalogueApi(fetcher).getProcedure('1.001193');
		await catalogueApi(fetcher).getProcedure('1.001193');
		expect(asked).toHaveLength(2);
	});
});
