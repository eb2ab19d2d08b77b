/** GET /api/agencies as the server computes it, and the client call that reads it. */
import { describe, expect, it } from 'vitest';
import { competentAgencies } from '$lib/server/routing';
import { agenciesApi } from '$lib/client/api/agencies';
import { ApiError } from '$lib/server/http/api-error';

const query = (q: string) => new URLSearchParams(q);

describe('competent agencies for a procedure and a place', () => {
	it('answers the commune police for a residence registration, with the reason and the law', () => {
		expect(competentAgencies(query('procedure=1.004222&communeCode=00376'))).toEqual({
			procedureCode: '1.004222',
			anywhere: false,
			basis: 'Điều 22 Luật Cư trú 2020',
			agencies: [{ code: 'C01.11.30.H26', name: 'Công an xã Sóc Sơn, Hà Nội', provinceCode: '01', communeCode: '00376', reason: 'nơi đăng ký thường trú', illustrative: true }]
		});
	});

	it('answers the Sở Tư pháp of the commune\'s province for a province-tier procedure', () => {
		const answer = competentAgencies(query('procedure=2.000635&communeCode=22366'));
		expect(answer.agencies).toEqual([expect.objectContaining({ name: 'Sở Tư pháp tỉnh Khánh Hoà', communeCode: null, provinceCode: '56', desk: 'Trung tâm Phục vụ hành chính công tỉnh Khánh Hoà' })]);
	});

	it('refuses an unknown commune and a missing one with Vietnamese messages', () => {
		expect(() => competentAgencies(query('procedure=1.004222&communeCode=99999'))).toThrow(/Không có xã\/phường mã 99999/);
		try {
			competentAgencies(query('procedure=1.004222'));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ApiError);
			expect((e as ApiError).fields).toEqual({ communeCode: 'Hãy cho biết xã/phường nơi cư trú (communeCode)' });
		}
	});

	it('is read by the client call with the shared schema', async () => {
		let asked = '';
		const fetcher = (async (url: string) => {
			asked = url;
			return new Response(JSON.stringify(competentAgencies(new URL(url, 'http://x').searchParams)), { headers: { 'content-type': 'application/json' } });
		}) as unknown as typeof fetch;
		const answer = await agenciesApi(fetcher).competentAgencies('1.000894', ['20194', '25747']);
		expect(asked).toBe('/api/agencies?procedure=1.000894&communeCode=20194&communeCode=25747');
		expect(answer.agencies.map((a) => a.reason)).toEqual(['nơi cư trú của bên nữ', 'nơi cư trú của bên nam']);
	});
});
