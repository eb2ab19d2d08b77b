import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	dossierManifestSchema,
	dossierReceiptSchema,
	manifestDigest,
	type DossierManifestInput
} from '$lib/domain/wire/dossiers';

const manifest = (): DossierManifestInput => ({
	version: 1,
	procedureCode: '1.001193',
	answers: { fullName: 'Nguyễn Văn An', children: 2, married: false, address: { provinceCode: '01', communeCode: '00004' } },
	attachments: [{ slot: 'idCard', sha256: 'a'.repeat(64), name: 'cccd-mat-truoc.jpg', size: 182_044, type: 'image/jpeg' }],
	delivery: { method: 'post', address: { provinceCode: '01', communeCode: '00004', street: 'Số 5, ngõ 12 Đội Cấn' } },
	agencyCode: '000.00.19.H47',
	submittedAt: '2026-03-02T15:30:00+07:00'
});
const messages = (input: unknown) => {
	const r = dossierManifestSchema.safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('dossierManifestSchema', () => {
	it('accepts a complete manifest, and counter/online delivery', () => {
		expect(messages(manifest())).toEqual([]);
		expect(messages({ ...manifest(), delivery: { method: 'counter' } })).toEqual([]);
		expect(messages({ ...manifest(), delivery: { method: 'online' } })).toEqual([]);
	});
	it('checks each attachment', () => {
		const att = manifest().attachments[0];
		const withAtt = (patch: object) => messages({ ...manifest(), attachments: [{ ...att, ...patch }] });
		expect(withAtt({ sha256: 'A'.repeat(64) })[0]).toMatch(/^attachments.0.sha256: SHA-256/);
		expect(withAtt({ sha256: 'a'.repeat(63) })).toHaveLength(1);
		expect(withAtt({ name: 'x'.repeat(201) })[0]).toMatch(/200 ký tự/);
		expect(withAtt({ size: 0 })[0]).toMatch(/rỗng/);
		expect(withAtt({ size: 10.5 })).toHaveLength(1);
		expect(withAtt({ type: 'image/gif' })[0]).toMatch(/JPEG, PNG, WebP hoặc tệp PDF/);
		expect(withAtt({ slot: 'Bad slot' })).toHaveLength(1);
	});
	it('postal delivery needs a street', () => {
		const m = manifest();
		const noStreet = { ...m, delivery: { method: 'post', address: { provinceCode: '01', communeCode: '00004' } } };
		expect(messages(noStreet)).toHaveLength(1);
		const blank = { ...m, delivery: { method: 'post', address: { provinceCode: '01', communeCode: '00004', street: '  ' } } };
		expect(messages(blank)[0]).toMatch(/bưu điện/);
	});
	it('rejects unknown delivery, version, extra keys, bad codes and times', () => {
		expect(messages({ ...manifest(), delivery: { method: 'drone' } })).toHaveLength(1);
		expect(messages({ ...manifest(), version: 2 })).toHaveLength(1);
		expect(messages({ ...manifest(), extra: true })).toHaveLength(1);
		expect(messages({ ...manifest(), procedureCode: '1001193' })).toHaveLength(1);
		expect(messages({ ...manifest(), agencyCode: 'H47' })).toHaveLength(1);
		expect(messages({ ...manifest(), submittedAt: '02/03/2026 15:30' })).toHaveLength(1);
		expect(messages({ ...manifest(), answers: { 'not an id': 'x' } })).toHaveLength(1);
	});
});

describe('canonicalJson', () => {
	it('sorts keys at every level and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
	});
	it('drops undefined properties like JSON.stringify', () => {
		expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
	});
	it('refuses non-finite numbers', () => {
		expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
	});
});

describe('manifestDigest', () => {
	it('is independent of key order', () => {
		const m = manifest();
		const reordered = Object.fromEntries(Object.entries(m).reverse()) as DossierManifestInput;
		reordered.answers = Object.fromEntries(Object.entries(m.answers).reverse());
		expect(manifestDigest(reordered)).toBe(manifestDigest(m));
	});
	it('ignores submittedAt (a retry is the same submission)', () => {
		expect(manifestDigest({ ...manifest(), submittedAt: '2026-03-03T08:00:00Z' })).toBe(manifestDigest(manifest()));
	});
	it('changes when an answer, an attachment or the delivery changes', () => {
		const base = manifestDigest(manifest());
		expect(manifestDigest({ ...manifest(), answers: { ...manifest().answers, children: 3 } })).not.toBe(base);
		const att = { ...manifest().attachments[0], sha256: 'b'.repeat(64) };
		expect(manifestDigest({ ...manifest(), attachments: [att] })).not.toBe(base);
		expect(manifestDigest({ ...manifest(), delivery: { method: 'counter' } })).not.toBe(base);
	});
	it('validates before digesting', () => {
		expect(() => manifestDigest({ ...manifest(), version: 2 } as unknown as DossierManifestInput)).toThrow();
	});
});

describe('dossierReceiptSchema', () => {
	const receipt = {
		dossierId: '019a1b2c-3d4e-7f00-8123-456789abcdef',
		code: '000.00.19.H47-260302-0007',
		procedureCode: '1.001193',
		procedureName: 'Thủ tục đăng ký khai sinh',
		receivedAt: '2026-03-02T08:30:00.000Z',
		appointmentDate: '2026-03-03',
		status: 1,
		agencyName: 'UBND phường Ba Đình'
	};
	it('accepts a receipt', () => {
		expect(dossierReceiptSchema.parse(receipt)).toEqual(receipt);
	});
	it.each([
		['dossierId', 'not-a-uuid'],
		['code', '000.00.19.H47-260302-7'],
		['appointmentDate', '03/03/2026'],
		['status', 2],
		['receivedAt', 'yesterday'],
		['agencyName', '']
	])('rejects a bad %s', (key, value) => {
		expect(dossierReceiptSchema.safeParse({ ...receipt, [key]: value }).success).toBe(false);
	});
});
