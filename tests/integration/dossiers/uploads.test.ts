import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBlobs } from '$lib/server/blobs/check';
import { blobPath } from '$lib/server/blobs/store';
import { uploadStats } from '$lib/server/blobs/upload-records';
import { createUploadHandler, type UploadHandler } from '$lib/server/blobs/uploads';
import { forEachDatabase } from '../helpers/databases';
import { createAccount, limits } from './fixtures';

const ORIGIN = 'http://dvc.test';

/** A PNG's signature, header (width × height) and end: enough for any reader to know its size. */
function png(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', randomBytes(64)), chunk('IEND', Buffer.alloc(0))]);
}
const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A file whose magic bytes say PDF, padded with random bytes to `size`. */
function pdf(size: number): Buffer {
	const head = Buffer.from('%PDF-1.4\n%âãÏÓ\n');
	return Buffer.concat([head, randomBytes(size - head.length)]);
}

function create(handler: UploadHandler, account: string | null, file: Uint8Array, meta: Record<string, string> = {}) {
	const metadata = { sha256: sha256(file), filename: 'giay-to.pdf', filetype: 'application/pdf', ...meta };
	return handler.handle(
		new Request(`${ORIGIN}/api/uploads`, {
			method: 'POST',
			headers: {
				'Tus-Resumable': '1.0.0',
				'Upload-Length': String(file.byteLength),
				'Upload-Metadata': Object.entries(metadata).map(([k, v]) => `${k} ${b64(v)}`).join(',')
			}
		}),
		account
	);
}

const patch = (handler: UploadHandler, account: string, location: string, offset: number, chunk: Uint8Array) =>
	handler.handle(
		new Request(new URL(location, ORIGIN), {
			method: 'PATCH',
			headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
			body: Buffer.from(chunk)
		}),
		account
	);

const head = (handler: UploadHandler, account: string, location: string) =>
	handler.handle(new Request(new URL(location, ORIGIN), { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } }), account);

describe('tus uploads', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'dvc-uploads-'));
	});
	afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

	forEachDatabase((t) => {
		const handlerFor = () => createUploadHandler({ db: t().db, config: { dataDir, upload: limits } });

		it('stores a verified upload as a blob of its account only', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const other = await createAccount(db, 'B');
			const handler = handlerFor();
			const file = pdf(50_000);
			const created = await create(handler, me, file);
			expect(created.status).toBe(201);
			const location = created.headers.get('Location')!;
			expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]+$/);

			// Someone else can neither read the offset nor write into it.
			expect((await head(handler, other, location)).status).toBe(404);
			expect((await patch(handler, other, location, 0, file)).status).toBe(404);

			const done = await patch(handler, me, location, 0, file);
			expect(done.status).toBe(204);
			expect(existsSync(blobPath(dataDir, sha256(file)))).toBe(true);
			expect(await checkBlobs(db, me, { hashes: [sha256(file), 'f'.repeat(64)] })).toEqual({ present: [sha256(file)] });
			expect(await checkBlobs(db, other, { hashes: [sha256(file)] })).toEqual({ present: [] });
			const blob = await db.selectFrom('blobs').selectAll().executeTakeFirstOrThrow();
			expect(blob).toMatchObject({ account_id: me, size: 50_000, type: 'application/pdf' });

			// A client whose last response was lost asks again: everything arrived.
			const again = await head(handler, me, location);
			expect([again.status, again.headers.get('Upload-Offset')]).toEqual([200, '50000']);
		});

		it('refuses creation without an account, above the size limit, or of a type not accepted', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const handler = handlerFor();
			const small = pdf(1000);
			const anonymous = await create(handler, null, small);
			expect(anonymous.status).toBe(401);
			expect((await anonymous.json()).error.message).toMatch(/^Phiên đăng nhập đã hết hạn/);

			const huge = await handler.handle(
				new Request(`${ORIGIN}/api/uploads`, {
					method: 'POST',
					headers: {
						'Tus-Resumable': '1.0.0',
						'Upload-Length': String(limits.maxFileBytes + 1),
						'Upload-Metadata': `sha256 ${b64('a'.repeat(64))},filename ${b64('anh.jpg')},filetype ${b64('image/jpeg')}`
					}
				}),
				me
			);
			expect(huge.status).toBe(413);
			expect((await huge.json()).error).toMatchObject({ code: 'file_too_large', message: expect.stringContaining('10 MB') });

			const gif = await create(handler, me, small, { filetype: 'image/gif', filename: 'anh.gif' });
			expect(gif.status).toBe(415);
			expect((await gif.json()).error.code).toBe('unsupported_type');
			expect(await db.selectFrom('uploads').select('id').execute()).toEqual([]);
		});

		it('refuses a hash mismatch and a text file declared as PNG, deleting the upload', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const handler = handlerFor();

			const file = pdf(2000);
			const liar = await create(handler, me, file, { sha256: 'b'.repeat(64) });
			const refused = await patch(handler, me, liar.headers.get('Location')!, 0, file);
			expect(refused.status).toBe(422);
			expect((await refused.json()).error.code).toBe('hash_mismatch');
			expect((await head(handler, me, liar.headers.get('Location')!)).status).toBe(404);

			const text = Buffer.from('Đây là một tệp văn bản, không phải ảnh.\n'.repeat(20));
			const fake = await create(handler, me, text, { filetype: 'image/png', filename: 'anh.png' });
			const sniffed = await patch(handler, me, fake.headers.get('Location')!, 0, text);
			expect(sniffed.status).toBe(422);
			const body = await sniffed.json();
			expect(body.error.code).toBe('unsupported_type');
			expect(body.error.message).toContain('anh.png');
			expect(await db.selectFrom('blobs').select('sha256').execute()).toEqual([]);
		});

		it('refuses disguised files (issue 12, defect 13): a PDF with JavaScript, an encrypted PDF, a 30,000 × 30,000 PNG', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const handler = handlerFor();
			const send = async (file: Uint8Array, filetype: string, filename: string) => {
				const created = await create(handler, me, file, { filetype, filename });
				expect(created.status).toBe(201);
				return patch(handler, me, created.headers.get('Location')!, 0, file);
			};
			const refusedWith = async (answer: Response, pattern: RegExp) => {
				expect(answer.status).toBe(422);
				const { error } = await answer.json();
				expect(error.code).toBe('unsafe_file');
				expect(error.message).toMatch(pattern);
			};

			// The script hides in a compressed object stream: found by parsing, not by searching the bytes.
			const scripted = await PDFDocument.create();
			scripted.addPage();
			scripted.catalog.set(PDFName.of('OpenAction'), scripted.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
			await refusedWith(await send(await scripted.save({ useObjectStreams: true }), 'application/pdf', 'to-khai.pdf'), /"to-khai.pdf".*JavaScript/);

			const locked = await PDFDocument.create();
			locked.addPage();
			locked.context.trailerInfo.Encrypt = locked.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFString.of('x'), U: PDFString.of('y'), P: -4 });
			await refusedWith(await send(await locked.save({ useObjectStreams: false }), 'application/pdf', 'khoa.pdf'), /"khoa.pdf".*mật khẩu/);

			await refusedWith(await send(png(30_000, 30_000), 'image/png', 'bom.png'), /"bom.png".*30000 × 30000/);
			expect(await db.selectFrom('blobs').select('sha256').execute()).toEqual([]);

			// Ordinary files still pass: a PDF made by a PDF library, a phone photo's size.
			const plain = await PDFDocument.create();
			plain.addPage().drawText('Hop dong thue nha');
			expect((await send(await plain.save(), 'application/pdf', 'hop-dong.pdf')).status).toBe(204);
			expect((await send(png(4000, 3000), 'image/png', 'anh.png')).status).toBe(204);
		});

		it('resumes after a server restart from the acknowledged offset and counts the bytes received', async () => {
			const { db } = t();
			const me = await createAccount(db, 'A');
			const file = pdf(1_000_000);
			const cut = 600_000;
			const before = handlerFor();
			const location = (await create(before, me, file)).headers.get('Location')!;
			const first = await patch(before, me, location, 0, file.subarray(0, cut));
			expect(first.headers.get('Upload-Offset')).toBe(String(cut));

			// A new process: a new handler and file store over the same folder and database.
			const after = handlerFor();
			const offset = Number((await head(after, me, location)).headers.get('Upload-Offset'));
			expect(offset).toBe(cut);
			const rest = await patch(after, me, location, offset, file.subarray(offset));
			expect(rest.status).toBe(204);
			expect(await checkBlobs(db, me, { hashes: [sha256(file)] })).toEqual({ present: [sha256(file)] });

			const stats = await uploadStats(db);
			expect(stats.totalBytesReceived).toBe(file.byteLength);
			expect(stats.uploads).toMatchObject([{ size: file.byteLength, bytesReceived: file.byteLength, completedAt: expect.any(String) }]);
		});
	});
});
