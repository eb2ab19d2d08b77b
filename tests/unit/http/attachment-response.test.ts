import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath } from '$lib/server/blobs/store';
import { attachmentHeaders, attachmentResponse, contentDisposition } from '$lib/server/http/attachment-response';

describe('the safe attachment answer', () => {
	it('names the file in UTF-8 with an ASCII fallback, with no way to break out of the header', () => {
		const header = contentDisposition('Giấy khai sinh "con"; x.pdf');
		expect(header).toBe(`attachment; filename="Giay khai sinh _con__ x.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh%20%22con%22%3B%20x.pdf`);
		expect(contentDisposition('a\r\nSet-Cookie: x=1\u202egpj.exe')).not.toMatch(/[\r\n\u202e]/);
		expect(contentDisposition('')).toContain('filename="tep-dinh-kem"');
	});

	it('forbids sniffing, scripts and shared caches; shows inline only a verified type', () => {
		const pdf = attachmentHeaders({ filename: 'don.pdf', type: 'application/pdf', size: 10, disposition: 'inline' });
		expect(pdf).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store', 'content-length': '10' });
		expect(pdf['content-disposition']).toMatch(/^inline;/);
		expect(pdf['content-security-policy']).toMatch(/(^|; )sandbox$/);
		expect(pdf['content-security-policy']).toContain("default-src 'none'");
		expect(pdf['content-security-policy']).not.toContain('script-src');
		const html = attachmentHeaders({ filename: 'x.html', type: 'text/html', size: 3, disposition: 'inline' });
		expect(html['content-type']).toBe('application/octet-stream');
		expect(html['content-disposition']).toMatch(/^attachment;/);
	});

	it('streams the stored blob by its hash', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'dvc-attach-'));
		try {
			const bytes = Buffer.from('\x89PNG\r\n\x1a\nfake');
			const sha = createHash('sha256').update(bytes).digest('hex');
			const path = blobPath(dataDir, sha);
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, bytes);
			const answer = await attachmentResponse(dataDir, sha, { filename: 'ảnh.png', type: 'image/png' });
			expect(answer.headers.get('content-length')).toBe(String(bytes.length));
			expect(Buffer.from(await answer.arrayBuffer())).toEqual(bytes);
			await expect(attachmentResponse(dataDir, 'a'.repeat(64), { filename: 'x', type: 'image/png' })).rejects.toThrow();
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
