import { describe, expect, it } from 'vitest';
import { maskName } from '$lib/domain/lookup';
import { lookupAnswerSchema, lookupPath, parseLookupQuery } from '$lib/domain/wire/lookup';

describe('maskName', () => {
	it.each([
		['Nguyễn Thị Hồng', 'Nguyễn T** H***'],
		['Phạm Thị Hoa', 'Phạm T** H**'],
		['  Lê   Văn  An ', 'Lê V** A*'],
		['Đỗ', 'Đỗ'],
		['Tôn Nữ Thị Ánh', 'Tôn N* T** Á**']
	])('%s → %s', (name, masked) => {
		expect(maskName(name)).toBe(masked);
	});

	it('counts letters, not UTF-16 units or combining marks (NFD input)', () => {
		expect(maskName('Nguyễn Hồng'.normalize('NFD'))).toBe('Nguyễn H***');
	});
});

describe('parseLookupQuery', () => {
	const q = (s: string) => parseLookupQuery(new URLSearchParams(s));

	it('reads nothing asked as undefined and an empty form as a missing answer', () => {
		expect(q('')).toBeUndefined();
		expect(q('code=&idNumber=')).toMatchObject({ ok: false, fields: { code: expect.stringMatching(/mã hồ sơ/) } });
	});

	it('normalises a typed code (spaces, lower case) and prefers the code over the ID number', () => {
		expect(q('code=%20000.00.19.h47-260105-0001%20&idNumber=001190001234')).toEqual({ ok: true, query: { code: '000.00.19.H47-260105-0001' } });
	});

	it('names the field at fault for a malformed code or ID number', () => {
		expect(q('code=000.00.19.H47-26')).toMatchObject({ ok: false, fields: { code: expect.stringMatching(/^Mã hồ sơ có dạng/) } });
		expect(q('idNumber=12345')).toMatchObject({ ok: false, fields: { idNumber: expect.stringMatching(/12 chữ số/) } });
		expect(q('idNumber=001190001234')).toEqual({ ok: true, query: { idNumber: '001190001234' } });
	});

	it('makes the link an SMS carries', () => {
		expect(lookupPath({ code: 'C01.11.30.H26-260302-0001' })).toBe('/lookup?code=C01.11.30.H26-260302-0001');
	});
});

describe('lookupAnswerSchema', () => {
	it('accepts an answer without dossierId (a stranger) and refuses one without a status', () => {
		const entry = {
			code: 'C01.11.30.H26-260302-0001',
			procedure: { code: '1.004194', name: 'Đăng ký tạm trú' },
			applicantName: 'Nguyễn V** A*',
			receivedAt: '2026-03-02T10:00:00.000+07:00',
			appointmentDate: '2026-03-05',
			status: { code: 1, name: 'Mới đăng ký' }
		};
		expect(lookupAnswerSchema.safeParse([entry]).success).toBe(true);
		const { status: _, ...noStatus } = entry;
		expect(lookupAnswerSchema.safeParse([noStatus]).success).toBe(false);
	});
});
