/** The one JSON body reader of every API handler (src/lib/server/http/respond.ts). */
import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/respond';

const post = (body: string) => new Request('http://localhost/api/x', { method: 'POST', body });
const refusal = (request: Request) =>
	readJson(request).then(
		() => undefined,
		(error: unknown) => error
	);

describe('readJson', () => {
	it('reads JSON, and refuses what is not JSON as such', async () => {
		expect(await readJson(post('{"a":[1,"hai"]}'))).toEqual({ a: [1, 'hai'] });
		const broken = await refusal(post('{"a":'));
		expect(broken).toBeInstanceOf(ApiError);
		expect([(broken as ApiError).status, (broken as ApiError).code, (broken as ApiError).message]).toEqual([400, 'invalid_request', 'Nội dung gửi lên không phải JSON hợp lệ.']);
	});

	it('says that valid JSON nested 5,000 levels deep is too deep, not that it is not JSON (outside review, issue 12)', async () => {
		for (const body of ['{"a":'.repeat(5000) + '1' + '}'.repeat(5000), '['.repeat(5000) + ']'.repeat(5000)]) {
			const deep = await refusal(post(body));
			expect(deep).toBeInstanceOf(ApiError);
			expect([(deep as ApiError).status, (deep as ApiError).code]).toEqual([400, 'invalid_request']);
			expect((deep as ApiError).message).toBe('Nội dung gửi lên lồng nhau quá sâu nên không đọc được.');
		}
	});
});
