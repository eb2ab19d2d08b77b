import { describe, expect, it } from 'vitest';
import { manifestAttachments } from '$lib/client/sync/submission';
import type { Procedure } from '$lib/domain/procedure';

const procedure = {
	code: '1.001193',
	form: { sections: [{ id: 'files', fields: [{ id: 'birthCertificateFile', type: 'attachment' }] }] }
} as unknown as Procedure;
const sha = (c: string) => c.repeat(64);

describe('a paper attached from the store, in the manifest', () => {
	it('carries what the paper is; a file attached directly, or a paper whose metadata no longer checks, carries nothing', () => {
		const document = { typeId: 'giay-chung-sinh', number: 'CS-123', holder: { kind: 'family', name: 'Lê Minh Anh', relation: 'con' } };
		const answers = {
			birthCertificateFile: [
				{ sha256: sha('a'), name: 'giay-chung-sinh.pdf', size: 1000, type: 'application/pdf', documentId: 'd1', document },
				{ sha256: sha('b'), name: 'anh.jpg', size: 2000, type: 'image/jpeg' },
				{ sha256: sha('c'), name: 'cu.jpg', size: 3000, type: 'image/jpeg', documentId: 'd2', document: { typeId: 'loai-da-bo', holder: { kind: 'self' } } }
			]
		};
		expect(manifestAttachments(procedure, answers)).toEqual([
			{ slot: 'birthCertificateFile', sha256: sha('a'), name: 'giay-chung-sinh.pdf', size: 1000, type: 'application/pdf', document },
			{ slot: 'birthCertificateFile', sha256: sha('b'), name: 'anh.jpg', size: 2000, type: 'image/jpeg' },
			{ slot: 'birthCertificateFile', sha256: sha('c'), name: 'cu.jpg', size: 3000, type: 'image/jpeg' }
		]);
	});
});
