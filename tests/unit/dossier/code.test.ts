import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from '$lib/domain/dossier';
import { dossierCodeSchema } from '$lib/domain/wire/dossiers';

describe('formatDossierCode', () => {
	it('builds <agency>-<yymmdd>-<nnnn>', () => {
		expect(formatDossierCode('000.00.19.H47', '2026-01-05', 1)).toBe('000.00.19.H47-260105-0001');
		expect(formatDossierCode('G01.02.03.H01', '2027-12-31', 9999)).toBe('G01.02.03.H01-271231-9999');
	});
	it('refuses a sequence outside 1–9999', () => {
		expect(() => formatDossierCode('000.00.19.H47', '2026-01-05', 10000)).toThrow(/1 đến 9999/);
		expect(() => formatDossierCode('000.00.19.H47', '2026-01-05', 0)).toThrow(RangeError);
		expect(() => formatDossierCode('000.00.19.H47', '2026-01-05', 1.5)).toThrow(RangeError);
	});
	it('refuses a malformed agency code or date', () => {
		expect(() => formatDossierCode('00.00.19.H47', '2026-01-05', 1)).toThrow(/000.00.19.H47/);
		expect(() => formatDossierCode('000.00.19.H47', '2026-02-30', 1)).toThrow();
		expect(() => formatDossierCode('000.00.19.H47', '1999-12-31', 1)).toThrow(/2000–2099/);
	});
});

describe('parseDossierCode', () => {
	it('round-trips a formatted code', () => {
		const code = formatDossierCode('000.00.19.H47', '2026-02-23', 42);
		expect(parseDossierCode(code)).toEqual({ agencyCode: '000.00.19.H47', receivedDate: '2026-02-23', sequence: 42 });
	});
	it('tolerates spaces and lower case typed by a person', () => {
		expect(parseDossierCode(' 000.00.19.h47-260105-0001 ')?.agencyCode).toBe('000.00.19.H47');
	});
	it.each(['000.00.19.H47-260230-0001', '000.00.19.H47-260105-0000', '000.00.19.H47-260105-001', 'H47-260105-0001', ''])(
		'rejects %j',
		(code) => {
			expect(parseDossierCode(code)).toBeNull();
		}
	);
});

describe('dossierCodeSchema', () => {
	it('normalises and accepts a valid code', () => {
		expect(dossierCodeSchema.parse('000.00.19.h47-260105-0001')).toBe('000.00.19.H47-260105-0001');
	});
	it('explains the expected shape in Vietnamese', () => {
		const r = dossierCodeSchema.safeParse('HS-2026-1');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toMatch(/^Mã hồ sơ có dạng/);
	});
	it('rejects an impossible receipt date', () => {
		expect(dossierCodeSchema.safeParse('000.00.19.H47-261301-0001').success).toBe(false);
	});
});
