import { describe, expect, it } from 'vitest';
import { packBundle, unpackBundle } from '$lib/precache-plan.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the precache bundle (one download for the first install)', () => {
	const files = [
		{ path: '/', contentType: 'text/html; charset=utf-8', body: encode('<!doctype html><title>Dịch vụ công</title>') },
		{ path: '/_app/immutable/chunks/a.js', contentType: 'text/javascript', body: encode('export const a = "ạ";') },
		{ path: '/empty.txt', contentType: 'text/plain', body: encode('') },
		{ path: '/icons/icon.png', contentType: 'image/png', body: new Uint8Array([137, 80, 78, 71, 10, 0, 255]) }
	];

	it('gives back each file with its path, type and exact bytes (newlines and multi-byte text included)', () => {
		expect(unpackBundle(packBundle(files))).toEqual(files);
	});

	it('refuses a cut download, extra bytes, a damaged index or no index at all', () => {
		const whole = packBundle(files);
		expect(unpackBundle(whole.subarray(0, whole.length - 1))).toBeUndefined();
		expect(unpackBundle(new Uint8Array([...whole, 32]))).toBeUndefined();
		expect(unpackBundle(encode('[["/", "text/html", -1]]\n'))).toBeUndefined();
		expect(unpackBundle(encode('{"not": "an index"}\n'))).toBeUndefined();
		expect(unpackBundle(encode('[["/", "text/html", 1]'))).toBeUndefined();
		expect(unpackBundle(encode('[["/", "text/html", 1]\n'))).toBeUndefined();
	});
});
