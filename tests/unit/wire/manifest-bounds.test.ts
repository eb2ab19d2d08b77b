/**
 * Issue 12, defect 6: the shared manifest schema bounds the answers — how many fields, how
 * long a text, how deep a value, how large in all — so the device refuses what the server
 * would (and a 5,000-level value is a 422, never a stack overflow the client retries).
 */
import { describe, expect, it } from 'vitest';
import { dossierManifestSchema, MANIFEST_BOUNDS } from '$lib/domain/wire/dossiers';

const base = {
	version: 1,
	procedureCode: '1.004194',
	attachments: [],
	delivery: { method: 'online' },
	agencyCode: 'C01.11.30.H26',
	submittedAt: '2026-03-02T10:00:00+07:00'
};
const withAnswers = (answers: Record<string, unknown>) => dossierManifestSchema.safeParse({ ...base, answers });

describe('bounded answers in the manifest', () => {
	it('accepts an ordinary form', () => {
		expect(withAnswers({ declarantName: 'Nguyễn Văn An', tempAddress: { provinceCode: '01', communeCode: '00376', street: 'Số 5' }, pledged: true, files: [{ sha256: 'a', size: 1 }] }).success).toBe(true);
	});

	it('refuses too many fields, a text too long, a value too deep, and a non-JSON number', () => {
		const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, 'x']));
		expect(withAnswers(many).success).toBe(false);
		expect(withAnswers({ note: 'a'.repeat(MANIFEST_BOUNDS.textLength + 1) }).success).toBe(false);
		let deep: unknown = 'x';
		for (let i = 0; i < 5000; i++) deep = [deep];
		const parsed = withAnswers({ deep });
		expect(parsed.success).toBe(false);
		expect(JSON.stringify(parsed.error?.issues[0].path)).toBe('["answers","deep"]');
		expect(withAnswers({ n: Number.NaN }).success).toBe(false);
	});

	it('refuses a manifest whose answers pass each bound but are too large in all', () => {
		const big = Object.fromEntries(Array.from({ length: MANIFEST_BOUNDS.fields }, (_, i) => [`f${i}`, 'a'.repeat(MANIFEST_BOUNDS.textLength)]));
		expect(withAnswers(big).success).toBe(false);
	});
});
