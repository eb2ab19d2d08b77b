import { expect } from 'vitest';
import { ApiError } from '$lib/server/http/api-error';

/** The ApiError a service call was refused with (fails the test when it was accepted). */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => null,
		(e) => e
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}
